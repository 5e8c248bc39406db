package dev.shifu.platform.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The harness's own MariaDB database, read directly: the checks trust the tables, not the app's answers. */
final class Database {

	private static final String SERVER = System.getProperty("shifu.test.mariadb", "jdbc:mysql://127.0.0.1:3306/");

	private static final String OPTIONS = "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true";

	private final String name;

	Database(String name) {
		this.name = name;
	}

	/** Drops and creates the database. */
	Database fresh() throws SQLException {
		try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + name);
			s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_bin");
		}
		return this;
	}

	/** The URL a node uses; {@code port} lets it go through a proxy instead of straight to the server. */
	String url(int port) {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + name + OPTIONS;
	}

	long count(String sql) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Every stored order: external id to id. */
	Map<String, Long> orders() throws SQLException {
		Map<String, Long> orders = new HashMap<>();
		try (Connection c = connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select external_order_id, id from service_order")) {
			while (rs.next()) {
				orders.put(rs.getString(1), rs.getLong(2));
			}
		}
		return orders;
	}

	void drop() {
		try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + name);
		}
		catch (SQLException ex) {
			// left for the next run's fresh()
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(SERVER + name + OPTIONS, "root", "");
	}

}
