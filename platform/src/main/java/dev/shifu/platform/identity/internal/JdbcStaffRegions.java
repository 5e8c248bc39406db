package dev.shifu.platform.identity.internal;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/** Dispatcher regions in {@code staff_region}: a handful of rows per user, read on every board request. */
@Component
class JdbcStaffRegions implements StaffRegions {

	private final JdbcTemplate jdbc;

	private final AppUserRepository users;

	JdbcStaffRegions(JdbcTemplate jdbc, AppUserRepository users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	@Override
	public Set<String> assigned(String username) {
		return new TreeSet<>(
				jdbc.queryForList("select region from staff_region where username = ?", String.class, username));
	}

	@Override
	@Transactional
	public void assign(String username, Set<String> regions) {
		if (users.findByUsername(username).isEmpty()) {
			throw new NotFoundException("user", username);
		}
		for (String region : regions) {
			if (region == null || !region.matches("\\d{4}00")) {
				throw new InvalidFieldException("regions", "must be city codes of 6 digits ending in 00, e.g. 330100");
			}
		}
		jdbc.update("delete from staff_region where username = ?", username);
		regions.forEach(region -> jdbc.update("insert into staff_region (username, region) values (?, ?)", username, region));
	}

}
