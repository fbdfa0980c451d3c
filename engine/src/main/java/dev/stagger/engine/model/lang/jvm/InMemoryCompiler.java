package dev.stagger.engine.model.lang.jvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java source in memory with the platform's compiler ({@code javax.tools}, module
 * {@code java.compiler}) and defines the class in a loader of its own. The generated code sees
 * only the JDK, so nothing about the application's class path matters.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /** The system has no Java compiler: a runtime without the java.compiler module, or a bare JRE. */
    public static final class NoCompilerException extends dev.stagger.engine.model.ModelCannotRunException {
        public NoCompilerException() {
            super("this Java runtime has no Java compiler (module java.compiler), which model files need: they are"
                    + " compiled to JVM code when they load. Run Stagger on a full JDK 17 or later, or a runtime image"
                    + " that includes java.compiler (Stagger's cluster bundle does)");
        }
    }

    public static Class<?> compile(String className, String source) {
        return compile(className, source, false);
    }

    /** {@code vectorModule}: the source uses {@code jdk.incubator.vector}. */
    public static Class<?> compile(String className, String source, boolean vectorModule) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new NoCompilerException();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(name, out);
                        return out;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter messages = new StringWriter();
        List<String> options = vectorModule
                ? List.of("-g:none", "-nowarn", "-proc:none", "-XDsuppressNotes", "--add-modules", "jdk.incubator.vector")
                : List.of("-g:none", "-nowarn", "-proc:none");
        boolean ok = compiler.getTask(messages, manager, diagnostics, options, null, List.of(unit)).call();
        try {
            manager.close();
        } catch (IOException ignored) {
            // in memory: nothing to release
        }
        if (!ok) {
            StringBuilder why = new StringBuilder("generated code for " + className + " does not compile (a Stagger bug):");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                why.append(System.lineSeparator()).append("  line ").append(d.getLineNumber()).append(": ")
                        .append(d.getMessage(Locale.ROOT));
            }
            throw new IllegalStateException(why.toString());
        }
        ClassLoader loader = new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] b = bytes.toByteArray();
                return defineClass(name, b, 0, b.length);
            }
        };
        try {
            return loader.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + className + " is missing", e);
        }
    }
}
