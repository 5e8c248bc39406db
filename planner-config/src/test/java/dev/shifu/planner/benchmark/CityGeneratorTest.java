package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Shift;

/**
 * The generated city day keeps its promise at the benchmark's sizes: every provider, and at 10 000 jobs
 * every region, has at least two shifts whose rules (skills, crew, certificates, provider) allow each
 * kind of job that provider may take. Checked with the shift rules the solver uses ({@link AssignmentRule}).
 */
class CityGeneratorTest {

    /** What decides which shifts may take a job: its skills, certificates, crew and accepted provider. */
    private record Kind(Set<String> skills, Set<String> certificates, int crew, String provider) {
        static Kind of(Job job) {
            return new Kind(job.getRequiredSkills(), job.getRequiredCertificates(), job.getCrewSize(),
                    job.getAcceptedProviderId());
        }
    }

    /** For each kind of job and each provider that may take it: how many of the city's shifts may. */
    private static void assertEveryProviderHasTwoShiftsForEveryKind(CityGenerator.City city, String label) {
        Set<String> providers = new TreeSet<>();
        city.shifts().forEach(s -> providers.add(s.getProviderId()));
        assertThat(providers).as(label).hasSize(5);
        Map<Kind, Job> kinds = new HashMap<>();
        city.jobs().forEach(job -> kinds.putIfAbsent(Kind.of(job), job));
        for (Map.Entry<Kind, Job> entry : kinds.entrySet()) {
            Job job = entry.getValue();
            List<String> takers = job.getAcceptedProviderId() == null ? List.copyOf(providers)
                    : List.of(job.getAcceptedProviderId());
            for (String provider : takers) {
                long able = city.shifts().stream()
                        .filter(s -> s.getProviderId().equals(provider) && AssignmentRule.allHold(job, s)).count();
                assertThat(able).as("%s: shifts of %s for %s", label, provider, entry.getKey()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void everyProviderHasTwoShiftsForEachSkillAndCrewItsJobsNeed() {
        for (long seed = 1; seed <= 3; seed++) {
            assertEveryProviderHasTwoShiftsForEveryKind(CityGenerator.generate(2000, 100, seed),
                    "2 000 jobs, seed " + seed);
        }
    }

    @Test
    void everyRegionOfTheLargeDayHasTwoShiftsPerProviderForEachSkillAndCrewItsJobsNeed() {
        // As the city benchmark splits 10 000 jobs: regions of at most 2 000 jobs.
        CityGenerator.City city = CityGenerator.generate(10_000, 500, 1);
        List<CityGenerator.City> regions = CityGenerator.splitIntoRegions(city, 10_000 / CityBenchmark.MAX_JOBS_PER_REGION);

        assertThat(regions).hasSize(5);
        assertThat(regions.stream().mapToInt(r -> r.jobs().size()).sum()).isEqualTo(10_000);
        assertThat(regions.stream().mapToInt(r -> r.shifts().size()).sum()).isEqualTo(500);
        for (int r = 0; r < regions.size(); r++) {
            assertEveryProviderHasTwoShiftsForEveryKind(regions.get(r), "region " + (r + 1));
        }
    }

    @Test
    void theSameSeedGivesTheSameCity() {
        CityGenerator.City first = CityGenerator.generate(300, 30, 5);
        CityGenerator.City second = CityGenerator.generate(300, 30, 5);

        assertThat(second.jobs()).extracting(Job::toString).isEqualTo(first.jobs().stream().map(Job::toString).toList());
        assertThat(second.shifts()).extracting(Shift::getSkills)
                .isEqualTo(first.shifts().stream().map(Shift::getSkills).toList());
    }
}
