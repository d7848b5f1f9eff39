package dnnc.plugins.support;

import dnnc.api.InvalidInputException;
import dnnc.api.NetworkFormat;

import java.util.ServiceLoader;

/** Network file formats found through ServiceLoader (the ONNX engine is one), so plugins use them without linking them. */
public final class NetworkFormats {
    private NetworkFormats() {
    }

    public static NetworkFormat named(String name) {
        return ServiceLoader.load(NetworkFormat.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("no network format '" + name + "' on the class path (the dnnc-onnx jar provides onnx)"));
    }
}
