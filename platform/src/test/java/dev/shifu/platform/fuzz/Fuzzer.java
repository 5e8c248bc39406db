package dev.shifu.platform.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.shifu.platform.fuzz.Operations.Operation;
import dev.shifu.platform.fuzz.RequestGenerator.FuzzRequest;
import dev.shifu.platform.fuzz.RequestGenerator.Kind;

/**
 * Drives generated requests at every operation of an OpenAPI document as every caller and judges each answer: no
 * 5xx, every 4xx problem+json, and a rejected request leaves the database's tables as they were (checksums read
 * before and after it; after an accepted one the fuzzer waits for its after-effects to settle first).
 */
public final class Fuzzer {

	/** A caller: its name and the headers that carry its credentials (none for an anonymous caller or a link). */
	public record Caller(String name, Map<String, String> headers) {
	}

	public record Answer(int status, String contentType, String body) {
	}

	@FunctionalInterface
	public interface Wire {

		Answer send(Caller caller, FuzzRequest request) throws Exception;

	}

	/** Requests that would end the callers' own access (signing out, revoking keys, suspending) go last. */
	private static final Pattern ENDS_ACCESS = Pattern.compile("logout|revoke|rotate|suspend|reissue|api-keys/\\{keyId}|mobile-login|/regions");

	/** Kinds whose mutation names one body field or parameter; a 400 for them should say which. */
	private static final Set<Kind> NAMED = Set.of(Kind.MISSING_FIELD, Kind.WRONG_TYPE, Kind.NULL_FIELD, Kind.BAD_PARAMETER,
			Kind.MISSING_PARAMETER);

	private final Operations operations;

	private final RequestGenerator generator;

	private final Random random;

	private final List<Caller> callers;

	private final Wire wire;

	private final Supplier<Map<String, Long>> tables;

	private final Set<String> background;

	public Fuzzer(JsonNode document, Random random, Map<String, List<String>> world, List<Caller> callers, Wire wire,
			Supplier<Map<String, Long>> tables, Set<String> background) {
		this.operations = Operations.of(document);
		this.random = random;
		this.generator = new RequestGenerator(operations, random, world);
		this.callers = callers;
		this.wire = wire;
		this.tables = tables;
		this.background = background;
	}

	public List<Operation> operations() {
		return operations.all();
	}

	/** What a run found: counts by kind and status class, by caller, and every violation with its request. */
	public record Outcome(int requests, int rejected, int operations, List<String> callers, Map<Kind, Map<String, Integer>> byKind,
			Map<String, Integer> byCaller, List<String> violations, int unnamed, List<String> unnamedExamples) {

		public String table(long seed) {
			StringBuilder out = new StringBuilder();
			out.append(String.format("Fuzz: seed %d, %d requests over %d operations as %d callers (%s)%n", seed, requests, operations,
					callers.size(), String.join(", ", callers)));
			out.append(String.format("%-20s %8s %8s %8s %8s%n", "kind", "2xx/3xx", "4xx", "5xx", "total"));
			byKind.forEach((kind, counts) -> out.append(String.format("%-20s %8d %8d %8d %8d%n", kind, counts.getOrDefault("2xx", 0),
					counts.getOrDefault("4xx", 0), counts.getOrDefault("5xx", 0), counts.values().stream().mapToInt(Integer::intValue).sum())));
			out.append(String.format("rejected %d of %d; violations %d; 400s for a named field or parameter that do not name it: %d%n",
					rejected, requests, violations.size(), unnamed));
			violations.stream().limit(40).forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
			unnamedExamples.stream().limit(30).forEach(v -> out.append("  UNNAMED ").append(v).append('\n'));
			return out.toString();
		}

		public String markdown(long seed, String database) {
			StringBuilder out = new StringBuilder();
			out.append("# API fuzz, ").append(java.time.LocalDate.now()).append("\n\n");
			out.append("Requests generated from the OpenAPI document (`/v3/api-docs`) by `ApiFuzzTests` (`dev.shifu.platform.fuzz`), ")
				.append("sent over real HTTP to the app on ").append(database).append(".\n\n");
			out.append("| setup | |\n|---|---|\n");
			out.append("| seed | ").append(seed).append(" |\n| requests | ").append(requests).append(" |\n| operations | ").append(operations)
				.append(" |\n| callers | ").append(String.join(", ", callers)).append(" |\n| cores | ")
				.append(Runtime.getRuntime().availableProcessors()).append(" |\n| JVM | ").append(System.getProperty("java.version"))
				.append(" |\n\n");
			out.append("| kind | 2xx/3xx | 4xx | 5xx |\n|---|---|---|---|\n");
			byKind.forEach((kind, counts) -> out.append("| ").append(kind).append(" | ").append(counts.getOrDefault("2xx", 0))
				.append(" | ").append(counts.getOrDefault("4xx", 0)).append(" | ").append(counts.getOrDefault("5xx", 0)).append(" |\n"));
			out.append("\n| caller | requests |\n|---|---|\n");
			byCaller.forEach((caller, count) -> out.append("| ").append(caller).append(" | ").append(count).append(" |\n"));
			out.append("\n| target | result |\n|---|---|\n");
			long fives = byKind.values().stream().mapToLong(c -> c.getOrDefault("5xx", 0)).sum();
			out.append("| responses with a 5xx status | ").append(fives).append(" |\n");
			out.append("| 4xx that are not problem+json | ")
				.append(violations.stream().filter(v -> v.startsWith("not problem+json")).count()).append(" |\n");
			out.append("| rejected requests that wrote | ").append(violations.stream().filter(v -> v.startsWith("wrote")).count())
				.append(" |\n");
			out.append("| 400s for a named field or parameter that do not name it | ").append(unnamed).append(" |\n\n");
			if (!violations.isEmpty()) {
				out.append("Violations:\n\n");
				violations.forEach(v -> out.append("- `").append(v.replace("`", "'")).append("`\n"));
			}
			return out.toString();
		}

	}

	/**
	 * Sends at least {@code budget} requests, spread evenly over the operations (every operation gets each kind that
	 * applies to it at least once); {@code heal} runs after each operation's batch to restore callers' access.
	 */
	public Outcome run(int budget, Runnable heal) throws Exception {
		List<Operation> ordered = new ArrayList<>(operations.all());
		ordered.sort(Comparator.comparing((Operation op) -> ENDS_ACCESS.matcher(op.path()).find())
			.thenComparing(op -> op.method().equals("DELETE"))
			.thenComparing(Operation::toString));
		int perOperation = Math.max(1, (budget + ordered.size() - 1) / ordered.size());
		Map<Kind, Map<String, Integer>> byKind = new EnumMap<>(Kind.class);
		Map<String, Integer> byCaller = new TreeMap<>();
		List<String> violations = new ArrayList<>();
		List<String> unnamedExamples = new ArrayList<>();
		int requests = 0;
		int rejected = 0;
		int unnamed = 0;
		Map<String, Long> before = settled(tables.get());
		for (Operation op : ordered) {
			List<Kind> kinds = generator.kindsFor(op);
			Set<String> shut = new HashSet<>();
			int count = Math.max(perOperation, kinds.size());
			for (int i = 0; i < count; i++) {
				FuzzRequest request = i < kinds.size() ? generator.generate(op, kinds.get(i)) : generator.next(op);
				Caller caller = pick(shut);
				Answer answer = wire.send(caller, request);
				requests++;
				if (requests % 1000 == 0) {
					System.out.printf("Fuzz: %d requests sent (%s), %d rejected, %d violations%n", requests, op, rejected, violations.size());
				}
				byCaller.merge(caller.name(), 1, Integer::sum);
				String klass = answer.status() >= 500 ? "5xx" : answer.status() >= 400 ? "4xx" : "2xx";
				byKind.computeIfAbsent(request.kind(), k -> new LinkedHashMap<>()).merge(klass, 1, Integer::sum);
				String where = caller.name() + " " + request;
				if (answer.status() >= 500) {
					violations.add(answer.status() + " for " + where + " -> " + abbreviate(answer.body()));
				}
				if (answer.status() == 401 || answer.status() == 403) {
					shut.add(caller.name());
				}
				if (answer.status() >= 400) {
					rejected++;
					if (answer.status() < 500 && !answer.contentType().startsWith("application/problem+json")) {
						violations.add("not problem+json (" + answer.status() + " " + answer.contentType() + ") for " + where + " -> "
								+ abbreviate(answer.body()));
					}
					// A URL the firewall refuses before routing (encoded slashes, percent signs) has no parameter names yet.
					boolean refusedUrl = answer.body().contains("\"path: the request URL");
					if (answer.status() == 400 && NAMED.contains(request.kind()) && request.touched() != null && !refusedUrl
							&& !answer.body().contains(lastSegment(request.touched()))) {
						unnamed++;
						if (unnamedExamples.size() < 30) {
							unnamedExamples.add(where + " -> " + abbreviate(answer.body()));
						}
					}
					Map<String, Long> after = tables.get();
					Set<String> changed = changed(before, after);
					if (!changed.isEmpty()) {
						// An earlier accepted request's after-effects may land late (a process started after commit). A
						// rejection is deterministic: sent again once all is quiet, a request that writes writes again.
						Map<String, Long> quiet = settled(settled(after));
						Answer again = wire.send(caller, request);
						Set<String> changedAgain = changed(quiet, tables.get());
						if (again.status() >= 400 && !changedAgain.isEmpty()) {
							violations.add("wrote " + changedAgain + " though rejected with " + again.status() + ": " + where);
						}
						before = settled(tables.get());
					}
					else {
						before = after;
					}
				}
				else {
					before = settled(tables.get());
				}
			}
			heal.run();
			before = settled(tables.get());
		}
		List<String> names = callers.stream().map(Caller::name).toList();
		return new Outcome(requests, rejected, ordered.size(), names, byKind, byCaller, violations, unnamed, unnamedExamples);
	}

	/** A caller not yet turned away by this operation, mostly; now and then any caller, to try the door as well. */
	private Caller pick(Set<String> shut) {
		List<Caller> open = callers.stream().filter(c -> !shut.contains(c.name())).toList();
		if (open.isEmpty() || random.nextInt(8) == 0) {
			return callers.get(random.nextInt(callers.size()));
		}
		return open.get(random.nextInt(open.size()));
	}

	/** The tables once two reads in a row agree: an accepted request's after-effects (events, listeners) done. */
	private Map<String, Long> settled(Map<String, Long> first) throws InterruptedException {
		Map<String, Long> last = first;
		for (int i = 0; i < 40; i++) {
			Thread.sleep(i == 0 ? 20 : 100);
			Map<String, Long> now = tables.get();
			if (changed(last, now).isEmpty()) {
				return now;
			}
			last = now;
		}
		return last;
	}

	private Set<String> changed(Map<String, Long> before, Map<String, Long> after) {
		Set<String> changed = new TreeSet<>();
		Set<String> names = new HashSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			if (!background.contains(name) && !java.util.Objects.equals(before.get(name), after.get(name))) {
				changed.add(name);
			}
		}
		return changed;
	}

	private static String lastSegment(String touched) {
		String name = touched.replaceAll("\\[\\d+]", "");
		return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
	}

	private static String abbreviate(String body) {
		String flat = body.replace('\n', ' ');
		return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
	}

	static Map<String, Long> copy(Map<String, Long> checksums) {
		return new HashMap<>(checksums);
	}

}
