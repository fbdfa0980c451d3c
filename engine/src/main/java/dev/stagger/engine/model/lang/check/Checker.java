package dev.stagger.engine.model.lang.check;

import dev.stagger.engine.model.lang.check.CheckedModel.Assignment;
import dev.stagger.engine.model.lang.check.CheckedModel.Field;
import dev.stagger.engine.model.lang.check.CheckedModel.Kernel;
import dev.stagger.engine.model.lang.check.CheckedModel.Op;
import dev.stagger.engine.model.lang.check.CheckedModel.Reduction;
import dev.stagger.engine.model.lang.check.CheckedModel.Statement;
import dev.stagger.engine.model.lang.syntax.Ast;
import dev.stagger.engine.model.lang.syntax.ExpressionParser;
import dev.stagger.engine.model.lang.syntax.ModelException;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import dev.stagger.engine.model.lang.syntax.SyntaxException;
import dev.stagger.engine.project.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the names of a {@link ModelFile}, type-checks the locations of every expression and
 * checks the step program. Staggered-grid operators follow Chmy: a derivative or a left/right
 * neighbour flips the location along its dimension, {@code lerp} moves a value to a requested
 * location, {@code divg} sums the derivatives of a vector's components. Values at different
 * locations never mix: adding them, or assigning one to a field at another location, is an error
 * naming the kernel, the line and both locations.
 */
public final class Checker {
    private static final Set<String> ONE_ARG = Set.of("abs", "sqrt", "exp", "ceil", "floor");
    private static final Set<String> FOLD = Set.of("min", "max");

    private final ModelFile file;
    private final int dims;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> scalarNames = new ArrayList<>();
    private final Map<String, Integer> parameters = new HashMap<>();
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Integer> fieldSlots = new HashMap<>();
    private final Map<String, String> vectorKinds = new HashMap<>();
    private final Map<String, Typed> derived = new LinkedHashMap<>();
    /** How many scalar slots Stagger itself defines (dt, step, iter, spacings, counts, coordinates). */
    private int gridSlots;
    /** Scalars whose value depends on dt (directly or through other constants). */
    private final Set<Integer> dependsOnDt = new HashSet<>();

    /** A checked expression and its location (null: the same everywhere). */
    record Typed(Node node, String loc, boolean hasLocal, boolean hasField) {}

    private static final class CheckError extends RuntimeException {
        final int column;

        CheckError(String message, int column) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** What names an expression may use. */
    private enum Context { CONSTANT, FIELD, CONDITION }

    private Checker(ModelFile file) {
        this.file = file;
        this.dims = file.dims();
    }

    public static CheckedModel check(ModelFile file) throws ModelException {
        Checker c = new Checker(file);
        CheckedModel model = c.run();
        if (!c.problems.isEmpty()) {
            throw new ModelException(ModelReader.sorted(c.problems));
        }
        return model;
    }

    private CheckedModel run() {
        String[] axes = {"x", "y", "z"};
        scalarNames.add("dt");
        dependsOnDt.add(CheckedModel.DT);
        scalarNames.add("step");
        scalarNames.add("iter");
        for (int d = 0; d < dims; d++) {
            scalarNames.add("d" + axes[d]);
        }
        for (int d = 0; d < dims; d++) {
            scalarNames.add("inv_d" + axes[d]);
        }
        for (int d = 0; d < dims; d++) {
            scalarNames.add("n" + axes[d]);
        }
        for (int d = 0; d < dims; d++) {
            // where coordinates come from: the domain's first vertex and this block's index offset
            scalarNames.add("__origin_" + axes[d]);
            scalarNames.add("__offset_" + axes[d]);
        }
        gridSlots = scalarNames.size();
        for (ModelFile.Parameter p : file.parameters()) {
            if (defineScalar(p.name(), p.path(), p.pos())) {
                parameters.put(p.name(), scalarNames.size() - 1);
            }
        }
        // fields before anything that may read them
        for (ModelFile.FieldDecl f : file.fields()) {
            declareField(f);
        }
        List<Assignment> constants = new ArrayList<>();
        for (ModelFile.Definition def : file.constants()) {
            Typed t = expression(def.expression(), Context.CONSTANT, null, "constant '" + def.name() + "'");
            if (defineScalar(def.name(), def.expression().path(), def.expression().pos()) && t != null) {
                int slot = scalarNames.size() - 1;
                if (usesDt(t.node())) {
                    dependsOnDt.add(slot);
                }
                constants.add(new Assignment(slot, def.name(), t.node()));
            }
        }
        Node stableDt = null;
        if (file.stableDt() != null) {
            Typed t = expression(file.stableDt(), Context.CONSTANT, null, "stable_dt");
            if (t != null) {
                if (usesDt(t.node())) {
                    problem(file.stableDt().pos(), file.stableDt().path(),
                            "the stable time step cannot depend on dt (directly or through a constant)");
                } else {
                    stableDt = t.node();
                }
            }
        }
        for (ModelFile.Definition def : file.derived()) {
            if (fieldSlots.containsKey(def.name()) || scalarNames.contains(def.name()) || derived.containsKey(def.name())) {
                problem(def.expression().pos(), def.expression().path(), "'" + def.name() + "' is already defined");
                continue;
            }
            Typed t = expression(def.expression(), Context.FIELD, null, "derived field '" + def.name() + "'");
            if (t != null) {
                if (t.loc() == null && !t.hasField()) {
                    problem(def.expression().pos(), def.expression().path(), "derived field '" + def.name()
                            + "' reads no field or coordinate; make it a constant");
                } else {
                    derived.put(def.name(), t);
                }
            }
        }
        // per-step scalars and reductions are named before the kernels and the program use them
        List<Integer> scalarSlots = new ArrayList<>();
        for (ModelFile.Definition def : file.scalars()) {
            if (def.name().equals("dt")) {
                // the model sets its own time step (a CFL rule, an adaptive step): the run follows it
                scalarSlots.add(CheckedModel.DT);
                continue;
            }
            scalarSlots.add(defineScalar(def.name(), def.expression().path(), def.expression().pos())
                    ? scalarNames.size() - 1 : -1);
        }
        List<Reduction> reductions = new ArrayList<>();
        for (ModelFile.Reduction r : file.reductions()) {
            if (!defineScalar(r.name(), r.path(), r.pos())) {
                continue;
            }
            int slot = scalarNames.size() - 1;
            Typed t = expression(r.of(), Context.FIELD, null, "reduction '" + r.name() + "'");
            if (t == null) {
                continue;
            }
            if (t.loc() == null) {
                problem(r.of().pos(), r.of().path(), "reduction '" + r.name() + "' reads no field");
                continue;
            }
            reductions.add(new Reduction(slot, r.name(), r.op(), t.node(), t.loc(), r.range()));
        }
        List<Assignment> scalars = new ArrayList<>();
        for (int i = 0; i < file.scalars().size(); i++) {
            ModelFile.Definition def = file.scalars().get(i);
            Typed t = expression(def.expression(), Context.CONSTANT, null, "scalar '" + def.name() + "'");
            if (t != null && scalarSlots.get(i) >= 0) {
                scalars.add(new Assignment(scalarSlots.get(i), def.name(), t.node()));
            }
        }
        List<Kernel> kernels = new ArrayList<>();
        for (ModelFile.Kernel k : file.kernels()) {
            Kernel checked = kernel(k);
            kernels.add(checked);
        }
        List<Op> init = program(file.init(), kernels, reductions, scalars);
        List<Op> program = program(file.step(), kernels, reductions, scalars);
        if (file.step().isEmpty()) {
            problems.add(new Problem(file.source(), 1, 1, "step", "the step program is empty; list the kernels a time"
                    + " step runs"));
        }
        int halo = halo(kernels, reductions);
        return new CheckedModel(file, dims, List.copyOf(scalarNames), List.copyOf(fields), constants, stableDt,
                kernels, reductions, scalars, init, program, halo);
    }

    private boolean defineScalar(String name, String path, ModelFile.Pos pos) {
        if (scalarNames.contains(name) || fieldSlots.containsKey(name) || vectorKinds.containsKey(name)
                || isReserved(name)) {
            boolean stagger = isReserved(name) || (scalarNames.contains(name) && scalarNames.indexOf(name) < gridSlots);
            problem(pos, path, "'" + name + "' is already defined" + (stagger ? " by Stagger (dt, step, iter, dx, inv_dx,"
                    + " nx, pi, the coordinates xc xv ... and the operators are reserved)" : ""));
            return false;
        }
        scalarNames.add(name);
        return true;
    }

    private static boolean isReserved(String name) {
        return Set.of("pi", "π", "d_x", "d_y", "d_z", "divg", "lerp", "left_x", "left_y", "left_z", "right_x",
                "right_y", "right_z", "abs", "sqrt", "exp", "ceil", "floor", "min", "max", "ifelse", "xc", "xv", "yc", "yv", "zc", "zv")
                .contains(name);
    }

    private void declareField(ModelFile.FieldDecl f) {
        if (fieldSlots.containsKey(f.name()) || vectorKinds.containsKey(f.name()) || scalarNames.contains(f.name())) {
            problem(f.pos(), f.path(), "'" + f.name() + "' is already defined");
            return;
        }
        String kind = f.kind() == null ? "scalar" : f.kind();
        if (kind.equals("scalar")) {
            if (f.at() == null) {
                return;
            }
            String loc;
            if (f.at().size() == 1) {
                loc = Locations.all(f.at().get(0).charAt(0) == 'c' ? 'C' : 'V', dims);
            } else if (f.at().size() == dims) {
                StringBuilder s = new StringBuilder();
                f.at().forEach(a -> s.append(a == null ? 'C' : a.charAt(0) == 'c' ? 'C' : 'V'));
                loc = s.toString();
            } else {
                problem(f.pos(), f.path() + ".at", "expected one location, or one per dimension (" + dims + "), got "
                        + f.at().size());
                return;
            }
            addField(f.name(), f.name(), kind, loc, f);
            return;
        }
        vectorKinds.put(f.name(), kind);
        String[] axes = {"x", "y", "z"};
        if (kind.equals("vector")) {
            for (int d = 0; d < dims; d++) {
                addField(f.name() + "." + axes[d], f.name(), kind, Locations.flip(Locations.all('C', dims), d), f);
            }
        } else {
            for (int a = 0; a < dims; a++) {
                for (int b = a; b < dims; b++) {
                    String loc = Locations.all('C', dims);
                    if (a != b) {
                        loc = Locations.flip(Locations.flip(loc, a), b);
                    }
                    addField(f.name() + "." + axes[a] + axes[b], f.name(), kind, loc, f);
                }
            }
        }
    }

    private void addField(String name, String parent, String kind, String loc, ModelFile.FieldDecl f) {
        fieldSlots.put(name, fields.size());
        fields.add(new Field(name, parent, kind, loc, f.prognostic(), f.boundary(), f.output(), f.unit(), f.help()));
    }

    // ---- kernels ------------------------------------------------------------------------------

    private Kernel kernel(ModelFile.Kernel k) {
        Map<String, Typed> locals = new LinkedHashMap<>();
        Map<String, Integer> localSlots = new HashMap<>();
        List<Statement> statements = new ArrayList<>();
        Set<Integer> written = new HashSet<>();
        String writtenLocation = null;
        String label = "kernel '" + k.name() + "'";
        int problemsBefore = problems.size();
        for (ModelFile.Text text : k.statements()) {
            Ast.Statement st;
            try {
                st = ExpressionParser.statement(text.text());
            } catch (SyntaxException e) {
                continue; // the reader reported it
            }
            String where = label + ", line " + text.pos().line();
            Typed value;
            try {
                value = typed(st.value(), Context.FIELD, locals, where);
            } catch (CheckError e) {
                problem(text.at(e.column), text.path(), e.getMessage());
                continue;
            }
            Integer field = fieldSlots.get(st.target());
            if (field == null && (vectorKinds.containsKey(st.target()) || scalarNames.contains(st.target())
                    || derived.containsKey(st.target()) || isReserved(st.target()))) {
                problem(text.at(st.targetColumn()), text.path(), where + ": cannot assign to '" + st.target() + "': "
                        + (vectorKinds.containsKey(st.target()) ? "it is a " + vectorKinds.get(st.target())
                                + " field; assign its components, e.g. " + st.target() + ".x"
                                : derived.containsKey(st.target()) ? "it is a derived field"
                                : "it is a parameter or scalar, the same at every point"));
                continue;
            }
            if (field != null) {
                Field target = fields.get(field);
                Node node = value.node();
                if (!st.op().equals("=")) {
                    node = new Node.Bin(st.op().substring(0, 1), new Node.Read(field, target.name()), node);
                }
                if (value.loc() != null && !value.loc().equals(target.location())) {
                    problem(text.at(st.targetColumn()), text.path(), where + ": assigns a value at "
                            + Locations.describe(value.loc()) + " to " + target.name() + " at "
                            + Locations.describe(target.location()));
                    continue;
                }
                if (k.range().equals("interior")) {
                    if (writtenLocation != null && !writtenLocation.equals(target.location())) {
                        problem(text.at(st.targetColumn()), text.path(), where + ": a kernel with range interior writes"
                                + " fields of one location; " + target.name() + " is at "
                                + Locations.describe(target.location()) + ", an earlier statement writes "
                                + Locations.describe(writtenLocation) + "; split the kernel or use range all");
                        continue;
                    }
                    writtenLocation = target.location();
                }
                written.add(field);
                statements.add(new Statement(field, -1, node, text.text(), text.pos().line()));
            } else {
                Integer slot = localSlots.get(st.target());
                Node node = value.node();
                if (!st.op().equals("=")) {
                    if (slot == null) {
                        problem(text.at(st.targetColumn()), text.path(), where + ": '" + st.target()
                                + "' is not a field, and as a local it has no value yet to update with " + st.op());
                        continue;
                    }
                    node = new Node.Bin(st.op().substring(0, 1), new Node.Local(slot, st.target()), node);
                }
                Typed previous = locals.get(st.target());
                if (previous != null && previous.loc() != null && value.loc() != null
                        && !previous.loc().equals(value.loc())) {
                    problem(text.at(st.targetColumn()), text.path(), where + ": local '" + st.target() + "' is at "
                            + Locations.describe(previous.loc()) + "; this assigns it a value at "
                            + Locations.describe(value.loc()));
                    continue;
                }
                if (slot == null) {
                    slot = localSlots.size();
                    localSlots.put(st.target(), slot);
                }
                String loc = value.loc() != null ? value.loc() : previous == null ? null : previous.loc();
                locals.put(st.target(), new Typed(new Node.Local(slot, st.target()), loc, true, value.hasField()));
                statements.add(new Statement(-1, slot, node, text.text(), text.pos().line()));
            }
        }
        // a kernel must not read what it writes at another point: the order of points would matter
        for (Statement s : statements) {
            List<String> races = new ArrayList<>();
            collectShiftedReads(s.value(), new int[3], written, races, locals, statements);
            for (String race : races) {
                problems.add(new Problem(file.source(), s.line(), 1, k.path(), label + ", line " + s.line() + ": reads "
                        + race + " at a neighbouring point while the same kernel writes it; points would see each"
                        + " other's new values. Write it in an earlier kernel, or into another field"));
            }
        }
        List<Integer> then = new ArrayList<>();
        for (String name : k.then()) {
            Integer f = fieldSlots.get(name);
            List<Integer> targets = new ArrayList<>();
            if (f != null) {
                targets.add(f);
            } else if (vectorKinds.containsKey(name)) {
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i).parent().equals(name)) {
                        targets.add(i);
                    }
                }
            } else {
                problems.add(new Problem(file.source(), k.pos().line(), k.pos().column(), k.path() + ".then",
                        "'then' names " + name + ", which is not a field of this model"));
                continue;
            }
            for (int t : targets) {
                // a statement with a problem writes nothing: saying so again would be noise
                if (!written.contains(t) && problems.size() == problemsBefore) {
                    problems.add(new Problem(file.source(), k.pos().line(), k.pos().column(), k.path() + ".then",
                            "'then' names " + fields.get(t).name() + ", which kernel '" + k.name() + "' does not write;"
                            + " halos and boundary conditions follow the kernel that writes a field"));
                } else if (written.contains(t) && !then.contains(t)) {
                    then.add(t);
                }
            }
        }
        return new Kernel(k.name(), k.range(), writtenLocation, statements, localSlots.size(), then);
    }

    /** Fields of {@code written} read at a nonzero offset (also through locals computed from them). */
    private static void collectShiftedReads(Node n, int[] offset, Set<Integer> written, List<String> out,
            Map<String, Typed> locals, List<Statement> statements) {
        if (n instanceof Node.Read r) {
            if (written.contains(r.field()) && (offset[0] != 0 || offset[1] != 0 || offset[2] != 0)
                    && !out.contains(r.name())) {
                out.add(r.name());
            }
        } else if (n instanceof Node.Shift s) {
            offset[s.dim()] += s.delta();
            collectShiftedReads(s.child(), offset, written, out, locals, statements);
            offset[s.dim()] -= s.delta();
        } else {
            for (Node child : Nodes.children(n)) {
                collectShiftedReads(child, offset, written, out, locals, statements);
            }
        }
    }

    // ---- the step program ---------------------------------------------------------------------

    private List<Op> program(List<ModelFile.Step> steps, List<Kernel> kernels, List<Reduction> reductions,
            List<Assignment> scalars) {
        List<Op> ops = new ArrayList<>();
        for (ModelFile.Step step : steps) {
            if (step instanceof ModelFile.RunKernel r) {
                    int index = indexOf(kernels.stream().map(Kernel::name).toList(), r.kernel());
                    if (index < 0) {
                        problem(step.pos(), step.path(), "no kernel named '" + r.kernel() + "'; kernels: "
                                + String.join(", ", kernels.stream().map(Kernel::name).toList()));
                    } else {
                        ops.add(new CheckedModel.RunKernel(index));
                    }
            } else if (step instanceof ModelFile.Swap s) {
                    int[] pair = pair(s.a(), s.b(), step, "swap");
                    if (pair != null) {
                        ops.add(new CheckedModel.Swap(pair[0], pair[1]));
                    }
            } else if (step instanceof ModelFile.Copy c) {
                    int[] pair = pair(c.to(), c.from(), step, "copy");
                    if (pair != null) {
                        ops.add(new CheckedModel.Copy(pair[0], pair[1]));
                    }
            } else if (step instanceof ModelFile.Reduce r) {
                    int index = indexOf(reductions.stream().map(Reduction::name).toList(), r.reduction());
                    if (index < 0) {
                        problem(step.pos(), step.path(), "no reduction named '" + r.reduction() + "'");
                    } else {
                        ops.add(new CheckedModel.Reduce(index));
                    }
            } else if (step instanceof ModelFile.Compute c) {
                    Assignment a = scalars.stream().filter(s -> s.name().equals(c.scalar())).findFirst().orElse(null);
                    if (a == null) {
                        problem(step.pos(), step.path(), "no per-step scalar named '" + c.scalar() + "' (declare it under"
                                + " scalars)");
                    } else {
                        ops.add(new CheckedModel.Compute(a));
                    }
            } else if (step instanceof ModelFile.Loop l) {
                    Typed max = expression(l.max(), Context.CONSTANT, null, "loop max");
                    Typed every = l.checkEvery() == null ? null
                            : expression(l.checkEvery(), Context.CONSTANT, null, "loop check_every");
                    List<Node> until = new ArrayList<>();
                    List<String> untilText = new ArrayList<>();
                    for (ModelFile.Text t : l.until()) {
                        Typed u = expression(t, Context.CONDITION, null, "loop condition");
                        if (u != null) {
                            if (!(u.node() instanceof Node.Bin b && List.of("<", "<=", ">", ">=").contains(b.op()))) {
                                problem(t.pos(), t.path(), "a condition compares two values, as in err < 1e-6");
                            } else {
                                until.add(u.node());
                                untilText.add(t.text());
                            }
                        }
                    }
                    List<Op> body = program(l.body(), kernels, reductions, scalars);
                    List<Op> check = program(l.check(), kernels, reductions, scalars);
                    if (max != null) {
                        ops.add(new CheckedModel.Loop(max.node(), every == null ? new Node.Const(1) : every.node(),
                                until, untilText, body, check));
                    }
            } else if (step instanceof ModelFile.If f) {
                    Typed c = expression(f.condition(), Context.CONDITION, null, "if condition");
                    List<Op> body = program(f.body(), kernels, reductions, scalars);
                    if (c != null) {
                        ops.add(new CheckedModel.If(c.node(), f.condition().text(), body));
                    }
            } else if (step instanceof ModelFile.Boundary b) {
                    List<Integer> targets = new ArrayList<>();
                    for (String name : b.fields()) {
                        Integer f = fieldSlots.get(name);
                        if (f == null) {
                            problem(step.pos(), step.path(), "boundary: " + name + " is not a field of this model");
                        } else {
                            targets.add(f);
                        }
                    }
                    ops.add(new CheckedModel.Boundary(targets));
            }
        }
        return ops;
    }

    private int[] pair(String a, String b, ModelFile.Step step, String what) {
        Integer fa = fieldSlots.get(a);
        Integer fb = fieldSlots.get(b);
        if (fa == null || fb == null) {
            problem(step.pos(), step.path(), what + ": " + (fa == null ? a : b) + " is not a scalar field or component"
                    + " of this model");
            return null;
        }
        if (!fields.get(fa).location().equals(fields.get(fb).location())) {
            problem(step.pos(), step.path(), what + ": " + a + " is at " + Locations.describe(fields.get(fa).location())
                    + " and " + b + " at " + Locations.describe(fields.get(fb).location()) + "; they must share a location");
            return null;
        }
        return new int[] {fa, fb};
    }

    private static int indexOf(List<String> names, String name) {
        return names.indexOf(name);
    }

    // ---- halo ---------------------------------------------------------------------------------

    /**
     * The halo every field gets: wide enough that each kernel and reduction reads inside the
     * stored array over its whole range (Chmy's launcher range 0..n+1 reads the pad at -1 and n+2).
     */
    private int halo(List<Kernel> kernels, List<Reduction> reductions) {
        int halo = 1;
        for (Kernel k : kernels) {
            for (Statement s : k.statements()) {
                halo = Math.max(halo, reach(s.value(), new int[3], k.range(), k.location()));
            }
        }
        for (Reduction r : reductions) {
            halo = Math.max(halo, reach(r.of(), new int[3], r.range(), r.location()));
        }
        return halo;
    }

    private int reach(Node n, int[] offset, String range, String rangeLocation) {
        if (n instanceof Node.Read r) {
                String loc = fields.get(r.field()).location();
                int need = 0;
                for (int d = 0; d < dims; d++) {
                    int countExtra = loc.charAt(d) == 'V' ? 1 : 0; // count = n + extra
                    int lo;
                    int hiExtra; // hi = n + hiExtra
                    if (range.equals("all")) {
                        lo = 0;
                        hiExtra = 1;
                    } else {
                        lo = 1;
                        hiExtra = rangeLocation == null || rangeLocation.charAt(d) == 'C' ? 0 : 1;
                    }
                    need = Math.max(need, 1 - (lo + offset[d]));
                    need = Math.max(need, hiExtra + offset[d] - countExtra);
                }
                return need;
        }
        if (n instanceof Node.Shift s) {
            offset[s.dim()] += s.delta();
            int r = reach(s.child(), offset, range, rangeLocation);
            offset[s.dim()] -= s.delta();
            return r;
        }
        int max = 0;
        for (Node child : Nodes.children(n)) {
            max = Math.max(max, reach(child, offset, range, rangeLocation));
        }
        return max;
    }

    // ---- expressions --------------------------------------------------------------------------

    private Typed expression(ModelFile.Text text, Context context, Map<String, Typed> locals, String where) {
        Ast ast;
        try {
            ast = ExpressionParser.expression(text.text());
        } catch (SyntaxException e) {
            return null; // reported by the reader
        }
        try {
            return typed(ast, context, locals, where);
        } catch (CheckError e) {
            problem(text.at(e.column), text.path(), e.getMessage());
            return null;
        }
    }

    private boolean usesDt(Node n) {
        if (n instanceof Node.Scalar s) {
            return dependsOnDt.contains(s.slot());
        }
        return Nodes.children(n).stream().anyMatch(this::usesDt);
    }

    private Typed typed(Ast ast, Context context, Map<String, Typed> locals, String where) {
        if (ast instanceof Ast.Num n) {
            return new Typed(new Node.Const(n.value()), null, false, false);
        }
        if (ast instanceof Ast.Loc l) {
            throw new CheckError(where + ": a location such as @" + l.code() + " is only an argument of lerp",
                    l.column());
        }
        if (ast instanceof Ast.Name n) {
            return name(n, context, locals, where);
        }
        if (ast instanceof Ast.Neg g) {
            Typed t = typed(g.operand(), context, locals, where);
            return new Typed(new Node.Neg(t.node()), t.loc(), t.hasLocal(), t.hasField());
        }
        if (ast instanceof Ast.Binary b) {
            return binary(b, context, locals, where);
        }
        return call((Ast.Call) ast, context, locals, where);
    }

    private Typed name(Ast.Name n, Context context, Map<String, Typed> locals, String where) {
        String name = n.name();
        if (name.equals("pi") || name.equals("π")) {
            return new Typed(new Node.Const(Math.PI), null, false, false);
        }
        if (name.length() == 2 && "xyz".indexOf(name.charAt(0)) >= 0 && (name.charAt(1) == 'c' || name.charAt(1) == 'v')) {
            int d = "xyz".indexOf(name.charAt(0));
            if (d >= dims) {
                throw new CheckError(where + ": '" + name + "' is a coordinate along " + name.charAt(0) + ", and this"
                        + " model has " + dims + " dimension" + (dims == 1 ? "" : "s"), n.column());
            }
            if (context != Context.FIELD) {
                throw new CheckError(where + ": the coordinate '" + name + "' differs from point to point; it belongs"
                        + " in kernels, derived fields and reductions", n.column());
            }
            // a coordinate combines with values at any location: it is where the point is
            return new Typed(new Node.Coord(d, name.charAt(1) == 'v'), null, false, true);
        }
        if (locals != null && locals.containsKey(name)) {
            return locals.get(name);
        }
        int slot = scalarNames.indexOf(name);
        if (slot >= 0) {
            return new Typed(new Node.Scalar(slot, name), null, false, false);
        }
        Integer field = fieldSlots.get(name);
        Typed d = derived.get(name);
        if (field != null || d != null) {
            if (context != Context.FIELD) {
                throw new CheckError(where + ": '" + name + "' is a field; " + (context == Context.CONDITION
                        ? "a loop condition compares scalars (reductions, parameters)"
                        : "constants and scalars are the same at every point: reduce the field first (reductions)"),
                        n.column());
            }
            return field != null
                    ? new Typed(new Node.Read(field, name), fields.get(field).location(), false, true)
                    : d;
        }
        if (vectorKinds.containsKey(name)) {
            throw new CheckError(where + ": '" + name + "' is a " + vectorKinds.get(name) + " field; use a component"
                    + " (" + name + (vectorKinds.get(name).equals("vector") ? ".x" : ".xx") + ")"
                    + (vectorKinds.get(name).equals("vector") ? " or divg(" + name + ")" : ""), n.column());
        }
        throw new CheckError(where + ": unknown name '" + name + "'" + knownNames(locals), n.column());
    }

    private String knownNames(Map<String, Typed> locals) {
        List<String> known = new ArrayList<>(scalarNames);
        known.addAll(fieldSlots.keySet().stream().sorted().toList());
        known.addAll(derived.keySet());
        if (locals != null) {
            known.addAll(locals.keySet());
        }
        return "; known names: " + String.join(", ", known);
    }

    private Typed binary(Ast.Binary b, Context context, Map<String, Typed> locals, String where) {
        Typed l = typed(b.left(), context, locals, where);
        if (b.op().equals("^")) {
            Typed r = typed(b.right(), context, locals, where);
            if (r.loc() != null) {
                throw new CheckError(where + ": an exponent must be the same at every point", b.right().column());
            }
            Node node;
            if (b.right() instanceof Ast.Num num && num.text().matches("\\d+") && num.value() >= 1 && num.value() <= 64) {
                node = new Node.Pow(l.node(), (int) num.value());
            } else {
                node = new Node.PowReal(l.node(), r.node());
            }
            return new Typed(node, l.loc(), l.hasLocal(), l.hasField());
        }
        Typed r = typed(b.right(), context, locals, where);
        String loc = l.loc();
        if (l.loc() != null && r.loc() != null && !l.loc().equals(r.loc())) {
            String verb = switch (b.op()) {
                case "+" -> "adds a value at " + Locations.describe(r.loc()) + " to one at ";
                case "-" -> "subtracts a value at " + Locations.describe(r.loc()) + " from one at ";
                case "*" -> "multiplies a value at " + Locations.describe(r.loc()) + " with one at ";
                default -> "divides by a value at " + Locations.describe(r.loc()) + " one at ";
            };
            throw new CheckError(where + ": '" + b.op() + "' " + verb + Locations.describe(l.loc())
                    + "; move one with lerp(..., @" + l.loc() + ") or a derivative", b.column());
        }
        if (loc == null) {
            loc = r.loc();
        }
        return new Typed(new Node.Bin(b.op(), l.node(), r.node()), loc, l.hasLocal() || r.hasLocal(),
                l.hasField() || r.hasField());
    }

    private Typed call(Ast.Call c, Context context, Map<String, Typed> locals, String where) {
        String f = c.function();
        List<Ast> args = c.args();
        if (ONE_ARG.contains(f)) {
            arity(c, 1, where);
            Typed a = typed(args.get(0), context, locals, where);
            return new Typed(new Node.Fn(f, List.of(a.node())), a.loc(), a.hasLocal(), a.hasField());
        }
        if (FOLD.contains(f)) {
            if (args.size() < 2) {
                throw new CheckError(where + ": " + f + " takes two or more arguments", c.column());
            }
            Typed acc = typed(args.get(0), context, locals, where);
            for (int i = 1; i < args.size(); i++) {
                Typed next = typed(args.get(i), context, locals, where);
                if (acc.loc() != null && next.loc() != null && !acc.loc().equals(next.loc())) {
                    throw new CheckError(where + ": " + f + " of values at " + Locations.describe(acc.loc()) + " and "
                            + Locations.describe(next.loc()), args.get(i).column());
                }
                acc = new Typed(new Node.Fn(f, List.of(acc.node(), next.node())), acc.loc() != null ? acc.loc()
                        : next.loc(), acc.hasLocal() || next.hasLocal(), acc.hasField() || next.hasField());
            }
            return acc;
        }
        int d = axis(f);
        if (f.startsWith("d_") && d >= 0) {
            arity(c, 1, where);
            Typed a = located(args.get(0), context, locals, where, f);
            boolean center = a.loc().charAt(d) == 'C';
            Node right = center ? a.node() : new Node.Shift(d, 1, a.node());
            Node left = center ? new Node.Shift(d, -1, a.node()) : a.node();
            Node inv = new Node.Scalar(scalarNames.indexOf("inv_d" + "xyz".charAt(d)), "inv_d" + "xyz".charAt(d));
            return new Typed(new Node.Bin("*", new Node.Bin("-", right, left), inv), Locations.flip(a.loc(), d),
                    false, true);
        }
        if ((f.startsWith("left_") || f.startsWith("right_")) && d >= 0) {
            arity(c, 1, where);
            Typed a = located(args.get(0), context, locals, where, f);
            boolean center = a.loc().charAt(d) == 'C';
            boolean left = f.startsWith("left_");
            int delta = center ? (left ? -1 : 0) : (left ? 0 : 1);
            Node node = delta == 0 ? a.node() : new Node.Shift(d, delta, a.node());
            return new Typed(node, Locations.flip(a.loc(), d), false, true);
        }
        if (f.equals("divg")) {
            arity(c, 1, where);
            if (!(args.get(0) instanceof Ast.Name n) || !"vector".equals(vectorKinds.get(n.name()))) {
                throw new CheckError(where + ": divg takes a vector field by name, as in divg(V)", args.get(0).column());
            }
            Typed sum = null;
            for (int e = 0; e < dims; e++) {
                Ast.Call component = new Ast.Call("d_" + "xyz".charAt(e),
                        List.of(new Ast.Name(n.name() + "." + "xyz".charAt(e), n.column())), c.column());
                Typed t = call(component, context, locals, where);
                sum = sum == null ? t : new Typed(new Node.Bin("+", sum.node(), t.node()), t.loc(), false, true);
            }
            return sum;
        }
        if (f.equals("ifelse")) {
            arity(c, 3, where);
            Typed cond = typed(args.get(0), context, locals, where);
            Typed a = typed(args.get(1), context, locals, where);
            Typed b = typed(args.get(2), context, locals, where);
            String loc = null;
            for (Typed t : List.of(cond, a, b)) {
                if (t.loc() != null && loc != null && !loc.equals(t.loc())) {
                    throw new CheckError(where + ": ifelse of values at " + Locations.describe(loc) + " and "
                            + Locations.describe(t.loc()), c.column());
                }
                loc = loc == null ? t.loc() : loc;
            }
            return new Typed(new Node.If(cond.node(), a.node(), b.node()), loc,
                    cond.hasLocal() || a.hasLocal() || b.hasLocal(), cond.hasField() || a.hasField() || b.hasField());
        }
        if (f.equals("lerp")) {
            arity(c, 2, where);
            Typed a = located(args.get(0), context, locals, where, f);
            if (!(args.get(1) instanceof Ast.Loc target)) {
                throw new CheckError(where + ": lerp's second argument is the location to move to, as in @CC",
                        args.get(1).column());
            }
            if (target.code().length() != dims) {
                throw new CheckError(where + ": a location in " + dims + "D has " + dims + " letters, @" + target.code()
                        + " has " + target.code().length(), target.column());
            }
            Node node = a.node();
            String loc = a.loc();
            for (int e = 0; e < dims; e++) {
                if (loc.charAt(e) == target.code().charAt(e)) {
                    continue;
                }
                boolean center = loc.charAt(e) == 'C';
                // Chmy: muladd(0.5, v1 - v0, v0), v0 the left knot, v1 the right one
                Node v0 = center ? new Node.Shift(e, -1, node) : node;
                Node v1 = center ? node : new Node.Shift(e, 1, node);
                node = new Node.Bin("+", new Node.Bin("*", new Node.Const(0.5), new Node.Bin("-", v1, v0)), v0);
                loc = Locations.flip(loc, e);
            }
            return new Typed(node, loc, false, true);
        }
        throw new CheckError(where + ": unknown function '" + f + "'; functions: d_x d_y d_z (or ∂x ∂y ∂z), divg,"
                + " lerp, left_x right_x (y, z), abs, sqrt, exp, min, max, ifelse", c.column());
    }

    private int axis(String f) {
        int d = f.endsWith("_x") ? 0 : f.endsWith("_y") ? 1 : f.endsWith("_z") ? 2 : -1;
        return d;
    }

    private Typed located(Ast arg, Context context, Map<String, Typed> locals, String where, String f) {
        int d = axis(f);
        if (d >= dims) {
            throw new CheckError(where + ": " + f + " needs dimension " + "xyz".charAt(d) + ", and this model has "
                    + dims, arg.column());
        }
        Typed a = typed(arg, context, locals, where);
        if (a.loc() == null) {
            throw new CheckError(where + ": " + f + " of a value that is the same everywhere; it needs a field",
                    arg.column());
        }
        if (a.hasLocal() && !f.equals("lerp") || a.hasLocal()) {
            throw new CheckError(where + ": " + f + " reads its argument at neighbouring points, and a local has a"
                    + " value only at the current point; declare it under derived instead", arg.column());
        }
        return a;
    }

    private void arity(Ast.Call c, int n, String where) {
        if (c.args().size() != n) {
            throw new CheckError(where + ": " + c.function() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                    + c.args().size(), c.column());
        }
    }

    private void problem(ModelFile.Pos pos, String path, String message) {
        problems.add(new Problem(pos.source(), pos.line(), pos.column(), path, message));
    }
}
