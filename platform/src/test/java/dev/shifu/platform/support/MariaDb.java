package dev.shifu.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB server on 127.0.0.1:3306 (see README). Each test JVM creates its own database and drops it at exit.
 * If the server is down the tests fail: they never skip.
 */
public final class MariaDb {

	private static final String SERVER = System.getProperty("shifu.test.mariadb", "jdbc:mysql://127.0.0.1:3306/");

	private static final String DATABASE = "shifu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static boolean created;

	private MariaDb() {
	}

	/** Creates this JVM's database on first use and returns the datasource properties that point at it. */
	public static synchronized java.util.List<String> properties() {
		if (!created) {
			execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
			created = true;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + DATABASE)));
		}
		return java.util.List.of("spring.datasource.url=" + SERVER + DATABASE + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true",
				"spring.datasource.username=root", "spring.datasource.password=",
				"spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver");
	}

	/**
	 * A second database of this JVM, for a context whose job executor is on: Camunda acquires jobs database-wide,
	 * so sharing the database would let it run the jobs of other contexts' tests. Dropped at exit too.
	 */
	public static synchronized java.util.List<String> ownDatabase(String tag) {
		String database = DATABASE + "_" + tag;
		execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + database)));
		return java.util.List.of("spring.datasource.url=" + SERVER + database + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true",
				"spring.datasource.username=root", "spring.datasource.password=",
				"spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("MariaDB at " + SERVER + " is required for the database tests (" + sql + ")", ex);
		}
	}

}
