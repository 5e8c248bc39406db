package dev.shifu.platform.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database connection from a bug. During a database outage every request that needs the
 * database gets a 503 problem with {@code Retry-After}, not a 500: the client should retry, and nothing was written
 * (the transaction never got a connection, or was rolled back with it).
 */
public final class DatabaseOutage {

	/** Seconds a client should wait before it retries; a database restart usually takes a few. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private DatabaseOutage() {
	}

	/** Whether the connection to the database failed somewhere along this exception's causes. */
	public static boolean causedBy(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException || t instanceof ConnectException
					|| t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			// Begin, commit or rollback failing in Hibernate means the connection broke: a healthy one does not fail
			// a rollback (Hikari's "Connection is closed" after it evicted the connection carries no SQLSTATE).
			if (t instanceof org.hibernate.TransactionException) {
				return true;
			}
			// SQLSTATE class 08 is "connection exception", e.g. Hikari's "Connection is closed" on rollback.
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	public static ProblemDetail problem() {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable", "The database cannot be reached; nothing was changed. Retry in a few seconds");
		problem.setProperty("retryAfter", RETRY_AFTER_SECONDS);
		return problem;
	}

}
