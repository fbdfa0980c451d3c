package dev.stagger.engine.model.lang.catalogue;

import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Checker;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.model.lang.syntax.ModelException;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in models written in the model language, shipped as model files beside this class.
 * They are read and checked when the catalogue is first used; their kernels are compiled only when
 * a run needs them.
 */
public final class Catalogue {
    /** The files, in the order {@code stagger models} lists them. */
    public static final List<String> FILES = List.of("diffusion-1d.yaml", "diffusion-2d.yaml", "diffusion-3d.yaml",
            "waves-2d.yaml", "waves-3d.yaml", "stokes-2d.yaml", "stokes-3d.yaml", "sia-2d.yaml");

    private static final List<LangModel> MODELS = load();
    private static final DimensionFamily DIFFUSION = diffusionFamily();

    private Catalogue() {}

    public static List<LangModel> models() {
        return MODELS;
    }

    /**
     * {@code diffusion}, the name projects have always used: the catalogue's diffusion-eq-1d, -2d or
     * -3d by the grid's dimensions (they replaced the hand-written kernel: the same bits, at the
     * same speed; see {@code bench/run diffusion}).
     */
    public static DimensionFamily diffusion() {
        return DIFFUSION;
    }

    private static DimensionFamily diffusionFamily() {
        java.util.Map<Integer, LangModel> byDims = new java.util.HashMap<>();
        for (LangModel m : MODELS) {
            String name = m.description().name();
            if (name.startsWith("diffusion-eq-")) {
                byDims.put(Integer.parseInt(name.substring("diffusion-eq-".length(), name.length() - 1)), m);
            }
        }
        LangModel two = byDims.get(2);
        dev.stagger.engine.model.ModelDescription d = two.description();
        return new DimensionFamily(new dev.stagger.engine.model.ModelDescription("diffusion", "Diffusion",
                "Linear diffusion of a scalar C: q = -χ∇C, ∂C/∂t = -∇·q, explicit in time (Chmy.jl's diffusion examples).",
                1, 3, d.parameters(), "min(Δ)²/χ/ndims/2.1"), byDims);
    }

    /** The text of a catalogue file (for {@code stagger models} and the workbench). */
    public static String text(String file) {
        try (InputStream in = Catalogue.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("catalogue file " + file + " is missing from the engine");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read catalogue file " + file, e);
        }
    }

    /** Reads and checks one catalogue file; a built-in model that fails its checks is a Stagger bug. */
    public static CheckedModel checked(String file) {
        try {
            return Checker.check(ModelReader.parse(text(file), file));
        } catch (ModelException e) {
            throw new IllegalStateException("built-in model " + file + " does not check:" + System.lineSeparator()
                    + e.getMessage());
        }
    }

    private static List<LangModel> load() {
        List<LangModel> models = new ArrayList<>();
        for (String file : FILES) {
            models.add(new LangModel(checked(file)));
        }
        return List.copyOf(models);
    }
}
