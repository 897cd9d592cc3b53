package dev.lanes.nn;

import dev.lanes.base.InputColumn;
import dev.lanes.base.Rng;
import dev.lanes.base.Scalers;
import dev.lanes.simd.ActivationFunction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The saved-model format, version {@value #VERSION} (version 1 files, whose scalers name features without
 * their raw columns, are still read: their columns read as numeric; version 2 files, without constraints,
 * too: no constraints, no activity regularizers; version 3 files differ from version 4 only in having no
 * normalization or activation layers). All numbers are big-endian (Java's
 * {@link DataOutputStream}); strings are modified UTF-8 with a 2-byte length.
 *
 * <pre>
 * magic        8 bytes  "LANES-NN"
 * version      int      4
 * inputs       int      input width
 * layers       int      number of layers, then per layer:
 *   type       byte     1 = dense, 2 = dropout, 3 = gaussian_noise, 4 = batch_normalization,
 *                       5 = layer_normalization, 6 = activation
 *   dense:     int units, string activation (as Keras writes it: relu, leaky_relu(negative_slope=0.3)),
 *              string kernel initializer, string bias initializer, double l1, double l2, string kernel
 *              constraint, string bias constraint (as Keras writes them, "" for none), double activity
 *              regularizer l1, double activity regularizer l2
 *   dropout:   double rate
 *   gaussian_noise: double stddev
 *   batch_normalization: double momentum, double epsilon, byte center (0 or 1), byte scale (0 or 1)
 *   layer_normalization: double epsilon, byte center, byte scale
 *   activation: string activation (as for dense)
 * weights      int count, then count floats (IEEE 754 bits), in the order of Model.weights(): per dense
 *              layer kernel (row-major), bias, its normalization's gamma and beta; then the batch
 *              normalizations' moving means and variances
 * scalers      byte     0 = none, 1 = present, then: int raw columns, per column string name, byte
 *                       kind (0 = number, 1 = categories, then int count and count strings, one input
 *                       each); then per input float fill, float scale, float shift; string target
 *                       name, double target origin, double target unit
 * checksum     long     CRC-32 of every byte before it
 * </pre>
 *
 * Floats are stored bit for bit, so a loaded model predicts exactly what the saved one did.
 *
 * <p>A file may come from anywhere, and a checksum is no signature: the reader checks every count
 * against the bytes that remain and against the others before it allocates anything, so a crafted
 * file gives an {@link IOException} naming the file and the problem, never another exception. Limits no
 * real model reaches: a file of at most {@value #MAX_FILE_BYTES} bytes, at most {@value Sequential#MAX_LAYERS}
 * layers, widths (inputs, units) of at most {@value Sequential#MAX_WIDTH}; the weight count must be the one the
 * layers imply, and the scalers' columns must make one feature per input.
 */
final class ModelFile {

    static final int VERSION = 4;
    /** The version before normalization layers. */
    private static final int VERSION_3 = 3;
    /** The version before constraints were saved. */
    private static final int VERSION_2 = 2;
    /** The first version, whose scalers name each input but not the raw columns. */
    private static final int VERSION_1 = 1;
    /** The largest model file read: 1 GiB, a quarter of a billion weights. */
    static final long MAX_FILE_BYTES = 1L << 30;
    private static final byte[] MAGIC = "LANES-NN".getBytes(StandardCharsets.US_ASCII);
    private static final byte DENSE = 1;
    private static final byte DROPOUT = 2;
    private static final byte GAUSSIAN_NOISE = 3;
    private static final byte BATCH_NORMALIZATION = 4;
    private static final byte LAYER_NORMALIZATION = 5;
    private static final byte ACTIVATION = 6;
    private static final byte NUMBER = 0;
    private static final byte CATEGORIES = 1;

    private ModelFile() {
    }

    static void write(Model model, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(model.spec().inputs());
        out.writeInt(model.spec().layers().size());
        for (Layer layer : model.spec().layers()) {
            if (layer instanceof Dense) {
                Dense d = (Dense) layer;
                out.writeByte(DENSE);
                out.writeInt(d.units());
                out.writeUTF(d.activation().kerasForm());
                out.writeUTF(d.kernelInitializer().name());
                out.writeUTF(d.biasInitializer().name());
                out.writeDouble(d.l1());
                out.writeDouble(d.l2());
                out.writeUTF(d.kernelConstraint().map(Constraints::text).orElse(""));
                out.writeUTF(d.biasConstraint().map(Constraints::text).orElse(""));
                out.writeDouble(d.activityL1());
                out.writeDouble(d.activityL2());
            } else if (layer instanceof Dropout d) {
                out.writeByte(DROPOUT);
                out.writeDouble(d.rate());
            } else if (layer instanceof BatchNormalization b) {
                out.writeByte(BATCH_NORMALIZATION);
                out.writeDouble(b.momentum());
                writeNormalization(out, b);
            } else if (layer instanceof LayerNormalization n) {
                out.writeByte(LAYER_NORMALIZATION);
                writeNormalization(out, n);
            } else if (layer instanceof ActivationLayer a) {
                out.writeByte(ACTIVATION);
                out.writeUTF(a.activation().kerasForm());
            } else {
                out.writeByte(GAUSSIAN_NOISE);
                out.writeDouble(((GaussianNoise) layer).stddev());
            }
        }
        out.writeInt(model.params.length);
        for (float w : model.params) {
            out.writeInt(Float.floatToRawIntBits(w));
        }
        writeScalers(out, model.scalers().orElse(null));
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes.toByteArray());
    }

    private static void writeNormalization(DataOutputStream out, Normalization n) throws IOException {
        out.writeDouble(n.epsilon());
        out.writeBoolean(n.center());
        out.writeBoolean(n.scale());
    }

    static Model read(Path file) throws IOException {
        byte[] all;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IOException(file + " has " + size + " bytes, more than a Lanes model file may have ("
                        + MAX_FILE_BYTES + ")");
            }
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("Model file " + file + " does not exist", e);
        }
        if (all.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(file + " is not a Lanes model file (it does not start with LANES-NN)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = new DataInputStream(new ByteArrayInputStream(all, all.length - 8, 8)).readLong();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length));
        int version = in.readInt();
        if (version < VERSION_1 || version > VERSION) {
            throw new IOException(file + " is a Lanes model file of format version " + version
                    + "; this version of Lanes reads versions " + VERSION_1 + " to " + VERSION);
        }
        if (stored != crc.getValue()) {
            throw new IOException(file + " is truncated or corrupt (checksum mismatch)");
        }
        try {
            return readBody(in, version);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        } catch (UTFDataFormatException e) {
            throw new IOException(file + " holds a name that is not valid modified UTF-8 (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds an invalid model: " + e.getMessage(), e);
        }
    }

    /** The model in {@code in}, every count checked before anything is allocated. */
    private static Model readBody(DataInputStream in, int version) throws IOException {
        int inputs = width("inputs", in.readInt());
        Sequential spec = Sequential.input(inputs);
        int layers = in.readInt();
        // A layer takes at least 9 bytes: its type and a double.
        if (layers < 0 || layers > Sequential.MAX_LAYERS || layers > in.available() / 9) {
            throw new IllegalArgumentException("the layer count " + layers + " is not between 0 and "
                    + Math.min(Sequential.MAX_LAYERS, in.available() / 9) + " (the bytes left allow no more)");
        }
        for (int i = 0; i < layers; i++) {
            byte type = in.readByte();
            if (type == DENSE) {
                int units = width("layer " + (i + 1) + "'s units", in.readInt());
                ActivationFunction activation = ActivationCall.parse(in.readUTF());
                Initializer kernel = savedInitializer(in.readUTF());
                Initializer bias = savedInitializer(in.readUTF());
                // Java evaluates arguments left to right: the fields are read in the order they were written
                Dense d = Dense.of(units, activation).kernelInitializer(kernel).biasInitializer(bias)
                        .l1(in.readDouble()).l2(in.readDouble());
                if (version > VERSION_2) {
                    d = constrained(d, in.readUTF(), in.readUTF()).activityRegularizer(in.readDouble(), in.readDouble());
                }
                spec = spec.add(d);
            } else if (type == DROPOUT) {
                spec = spec.add(new Dropout(in.readDouble()));
            } else if (type == GAUSSIAN_NOISE) {
                spec = spec.add(new GaussianNoise(in.readDouble()));
            } else if (type == BATCH_NORMALIZATION && version > VERSION_3) {
                spec = spec.add(new BatchNormalization(in.readDouble(), in.readDouble(), flag(in), flag(in)));
            } else if (type == LAYER_NORMALIZATION && version > VERSION_3) {
                spec = spec.add(new LayerNormalization(in.readDouble(), flag(in), flag(in)));
            } else if (type == ACTIVATION && version > VERSION_3) {
                spec = spec.add(new ActivationLayer(ActivationCall.parse(in.readUTF())));
            } else {
                throw new IllegalArgumentException("layer " + (i + 1) + " has the unknown type " + type + " (1 = dense,"
                        + " 2 = dropout, 3 = gaussian_noise" + (version > VERSION_3
                        ? ", 4 = batch_normalization, 5 = layer_normalization, 6 = activation)"
                        : "; version " + version + " has no others)"));
            }
        }
        int count = in.readInt();
        if (count != spec.parameterCount()) {
            throw new IllegalArgumentException("the weight count is " + count + " but the layers have "
                    + spec.parameterCount() + " weights");
        }
        if (4L * count > in.available()) {
            throw new EOFException("the file ends before its " + count + " weights");
        }
        float[] params = new float[count];
        for (int i = 0; i < params.length; i++) {
            params[i] = Float.intBitsToFloat(in.readInt());
        }
        return new Model(spec, params, readScalers(in, inputs, version));
    }

    /** A saved boolean: 0 or 1. */
    private static boolean flag(DataInputStream in) throws IOException {
        byte b = in.readByte();
        if (b != 0 && b != 1) {
            throw new IllegalArgumentException("a normalization's center or scale flag is " + b + " (0 = false, 1 = true)");
        }
        return b == 1;
    }

    /** {@code d} with the saved constraints, each empty for none. */
    private static Dense constrained(Dense d, String kernel, String bias) {
        Dense out = kernel.isEmpty() ? d : d.kernelConstraint(Constraints.parse(kernel));
        return bias.isEmpty() ? out : out.biasConstraint(Constraints.parse(bias));
    }

    /** {@code value} if it is a width from 1 to {@link Sequential#MAX_WIDTH}. */
    private static int width(String what, int value) {
        if (value < 1 || value > Sequential.MAX_WIDTH) {
            throw new IllegalArgumentException(what + " is " + value + ", not between 1 and " + Sequential.MAX_WIDTH);
        }
        return value;
    }

    private static void writeScalers(DataOutputStream out, Scalers s) throws IOException {
        out.writeByte(s == null ? 0 : 1);
        if (s == null) {
            return;
        }
        out.writeInt(s.columns().size());
        for (InputColumn column : s.columns()) {
            out.writeUTF(column.name());
            out.writeByte(column.categorical() ? CATEGORIES : NUMBER);
            if (column.categorical()) {
                out.writeInt(column.categories().size());
                for (String category : column.categories()) {
                    out.writeUTF(category);
                }
            }
        }
        for (int c = 0; c < s.fill().length; c++) {
            out.writeInt(Float.floatToRawIntBits(s.fill()[c]));
            out.writeInt(Float.floatToRawIntBits(s.scale()[c]));
            out.writeInt(Float.floatToRawIntBits(s.shift()[c]));
        }
        out.writeUTF(s.targetName());
        out.writeDouble(s.targetOrigin());
        out.writeDouble(s.targetUnit());
    }

    private static Scalers readScalers(DataInputStream in, int inputs, int version) throws IOException {
        byte present = in.readByte();
        if (present == 0) {
            return null;
        }
        if (present != 1) {
            throw new IllegalArgumentException("the scalers' flag is " + present + " (0 = none, 1 = present)");
        }
        int n = in.readInt();
        // A column takes at least 3 bytes (a name's length and its kind), and makes at least one input,
        // except a categorical column without categories.
        if (n < 0 || n > in.available() / 3 || (version == VERSION_1 && n != inputs)) {
            throw new IllegalArgumentException("the scalers' column count " + n + " does not fit the model's "
                    + inputs + " inputs and the bytes left");
        }
        List<InputColumn> columns = new ArrayList<>();
        if (version != VERSION_1) {
            int width = 0;
            for (int c = 0; c < n; c++) {
                InputColumn column = readColumn(in, inputs - width);
                columns.add(column);
                width += column.width();
            }
            if (width != inputs) {
                throw new IllegalArgumentException("the scalers' columns make " + width + " inputs but the model has "
                        + inputs + " inputs");
            }
        }
        // An input takes at least 12 bytes: three floats (and, in version 1, its name's length first).
        if (inputs > in.available() / 12) {
            throw new EOFException("the file ends before its " + inputs + " scaler columns");
        }
        float[] fill = new float[inputs];
        float[] scale = new float[inputs];
        float[] shift = new float[inputs];
        for (int c = 0; c < inputs; c++) {
            if (version == VERSION_1) {
                columns.add(InputColumn.numeric(in.readUTF()));
            }
            fill[c] = Float.intBitsToFloat(in.readInt());
            scale[c] = Float.intBitsToFloat(in.readInt());
            shift[c] = Float.intBitsToFloat(in.readInt());
        }
        return new Scalers(columns, fill, scale, shift, in.readUTF(), in.readDouble(), in.readDouble());
    }

    /** One raw column; a categorical one may have at most {@code inputsLeft} categories. */
    private static InputColumn readColumn(DataInputStream in, int inputsLeft) throws IOException {
        String name = in.readUTF();
        byte kind = in.readByte();
        if (kind == NUMBER) {
            return InputColumn.numeric(name);
        }
        if (kind != CATEGORIES) {
            throw new IllegalArgumentException("the column '" + name + "' has the unknown kind " + kind
                    + " (0 = number, 1 = categories)");
        }
        int count = in.readInt();
        // A category takes at least 2 bytes: its length.
        if (count < 0 || count > inputsLeft || count > in.available() / 2) {
            throw new IllegalArgumentException("the column '" + name + "' has " + count + " categories; the inputs"
                    + " and bytes left allow at most " + Math.min(inputsLeft, in.available() / 2));
        }
        List<String> categories = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            categories.add(in.readUTF());
        }
        return InputColumn.categorical(name, categories);
    }

    /** The initializer a saved name stands for; names with arguments are kept as descriptions only. */
    private static Initializer savedInitializer(String name) {
        try {
            return Initializers.fromKerasName(name);
        } catch (IllegalArgumentException e) {
            return new Initializer() {
                @Override
                public void fill(float[] dst, int off, int[] shape, Rng rng) {
                    throw new UnsupportedOperationException("The initializer '" + name
                            + "' was read from a saved model and cannot draw new weights; give the layer an initializer");
                }

                @Override
                public String name() {
                    return name;
                }
            };
        }
    }
}
