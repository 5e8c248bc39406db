package dev.shifu.platform.harness;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One platform node: the built jar in its own JVM on the mysql profile, so the harness can {@code kill -9} it like a
 * crashed machine. Its log goes to {@code target/harness/<name>.log}.
 */
final class Node {

	static final String ADMIN = "harness-admin";

	static final String ADMIN_PASSWORD = "harness-admin-password-1";

	private final String name;

	private final int port;

	private final String databaseUrl;

	private final List<String> extraArgs;

	private Process process;

	Node(String name, int port, String databaseUrl, List<String> extraArgs) {
		this.name = name;
		this.port = port;
		this.databaseUrl = databaseUrl;
		this.extraArgs = extraArgs;
	}

	String name() {
		return name;
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	/** Starts the node and waits until its health answers UP. */
	void start(Duration timeout) throws IOException, InterruptedException {
		File jar = jar();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + System.getProperty("shifu.harness.heap", "1500m")));
		String jvm = System.getProperty("shifu.harness.jvm-args", "");
		if (!jvm.isBlank()) {
			command.addAll(List.of(jvm.replace("{node}", name).split(" ")));
		}
		command.addAll(List.of("-jar", jar.getPath(), "--spring.profiles.active=mysql", "--server.port=" + port,
				"--spring.datasource.url=" + databaseUrl, "--spring.boot.admin.client.enabled=false",
				"--shifu.webhooks.allow-private-networks=true", "--logging.level.root=WARN",
				"--logging.level.dev.shifu=WARN"));
		command.addAll(extraArgs);
		File log = new File("target/harness/" + name + ".log");
		log.getParentFile().mkdirs();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
		builder.environment().put("SHIFU_ADMIN_USERNAME", ADMIN);
		builder.environment().put("SHIFU_ADMIN_PASSWORD", ADMIN_PASSWORD);
		process = builder.start();
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
	}

	/** {@code kill -9}: no shutdown hook, no plan stored, connections dropped mid-request. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** A normal stop (SIGTERM): the app stores its plans and closes. */
	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static File jar() {
		File target = new File("target");
		File[] jars = target.listFiles((dir, file) -> file.startsWith("platform-") && file.endsWith(".jar")
				&& !file.endsWith("-plain.jar") && !file.contains("sources"));
		if (jars == null || jars.length == 0) {
			throw new IllegalStateException("platform/target has no jar: run ./mvnw -q -DskipTests install first");
		}
		return jars[0];
	}

}
