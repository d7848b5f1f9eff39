package dnnc.onnx;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;

import java.util.List;

/** The ONNX engine's plugins: found through ServiceLoader, so the runner never links ONNX Runtime. */
public final class OnnxPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(OnnxModel.class);
    }
}
