package dnnc.runner.network;

import dnnc.api.InvalidInputException;
import dnnc.api.NetworkFormat;
import dnnc.api.OpenNetwork;
import dnnc.api.TensorSelection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Opens a network file with whichever {@link NetworkFormat} on the class path reads it. */
public final class NetworkFiles {
    private NetworkFiles() {
    }

    public static OpenNetwork open(Path file, TensorSelection selection) {
        List<NetworkFormat> formats = ServiceLoader.load(NetworkFormat.class).stream().map(ServiceLoader.Provider::get).toList();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file; expected a network file ("
                    + String.join(", ", formats.stream().map(NetworkFormat::name).toList()) + ")");
        }
        return formats.stream().filter(f -> f.reads(file)).findFirst().orElseThrow(() -> new InvalidInputException(file
                        + ": not a network format dnnc reads; formats: " + String.join(", ", formats.stream().map(f -> f.name() + " (." + f.name() + ")").toList())))
                .open(file, selection);
    }
}
