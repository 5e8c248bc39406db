package dev.shifu.platform.identity.internal;

import java.util.Collection;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;

/** Signed-in users from the database, plus the operations account from configuration (used by Spring Boot Admin). */
@Component
class ShifuUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	private final String opsUsername;

	private final String opsPasswordHash;

	ShifuUserDetailsService(AppUserRepository users, PasswordEncoder passwords,
			@Value("${shifu.ops.username}") String opsUsername, @Value("${shifu.ops.password}") String opsPassword) {
		this.users = users;
		this.opsUsername = opsUsername;
		this.opsPasswordHash = passwords.encode(opsPassword);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (username.equals(opsUsername)) {
			return new ShifuUser(new Actor(username, Set.of(Role.OPS), null, null, null), opsPasswordHash, true);
		}
		AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return new ShifuUser(user.toActor(), user.getPasswordHash(), user.isEnabled());
	}

	record ShifuUser(Actor actor, String password, boolean enabled) implements UserDetails, CurrentActor.ActorHolder {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		}

		@Override
		public String getPassword() {
			return password;
		}

		@Override
		public String getUsername() {
			return actor.name();
		}

		@Override
		public boolean isEnabled() {
			return enabled;
		}

	}

}
