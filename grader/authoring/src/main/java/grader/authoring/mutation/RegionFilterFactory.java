package grader.authoring.mutation;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.pitest.bytecode.analysis.ClassTree;
import org.pitest.mutationtest.build.InterceptorParameters;
import org.pitest.mutationtest.build.InterceptorType;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationInterceptorFactory;
import org.pitest.mutationtest.engine.Mutater;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.plugin.Feature;

/**
 * A PIT plugin, loaded inside PIT's own JVM (never the kit's, which lacks PIT): drops every mutant outside the
 * regions of the file that the system property {@link SolutionRegions#FILTER_PROPERTY} names
 * ({@link SolutionRegions#writeFilter}). Filtering before the analysis, not after, spares running the provided
 * code's mutants. Without the property it keeps everything.
 */
public final class RegionFilterFactory implements MutationInterceptorFactory {
    @Override
    public String description() {
        return "Keeps only the mutants inside the homework's solution regions";
    }

    @Override
    public Feature provides() {
        return Feature.named("SOLUTION_REGIONS").withOnByDefault(true).withDescription(description());
    }

    @Override
    public MutationInterceptor createInterceptor(InterceptorParameters params) {
        String file = System.getProperty(SolutionRegions.FILTER_PROPERTY);
        return new Filter(file == null ? null : SolutionRegions.readFilter(Path.of(file)));
    }

    private record Filter(List<SolutionRegions.Region> regions) implements MutationInterceptor {
        @Override
        public InterceptorType type() {
            return InterceptorType.PRE_SCAN_FILTER;
        }

        @Override
        public void begin(ClassTree clazz) {
        }

        @Override
        public Collection<MutationDetails> intercept(Collection<MutationDetails> mutations, Mutater m) {
            return regions == null ? mutations : mutations.stream().filter(this::inside).toList();
        }

        private boolean inside(MutationDetails d) {
            String name = d.getClassName().asJavaName();
            int dot = name.lastIndexOf('.');
            String file = (dot < 0 ? "" : name.substring(0, dot + 1).replace('.', '/')) + d.getFilename();
            return regions.stream().anyMatch(r -> r.holds(file, d.getLineNumber()));
        }

        @Override
        public void end() {
        }
    }
}
