package dev.shifu.platform.installer.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.mobile.server.api.AuthApi;
import dev.shifu.mobile.server.model.CodeLoginDto;
import dev.shifu.mobile.server.model.CodeRequestDto;
import dev.shifu.mobile.server.model.CodeSentDto;
import dev.shifu.mobile.server.model.PasswordLoginDto;
import dev.shifu.mobile.server.model.RefreshRequestDto;
import dev.shifu.mobile.server.model.TokenPairDto;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.shared.PhoneNumbers;

@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class MobileAuthController implements AuthApi {

	private final MobileAuth auth;

	private final MobileMapper mapper;

	private final SignInRateLimit limit;

	private final RouteStreams streams;

	MobileAuthController(MobileAuth auth, MobileMapper mapper, SignInRateLimit limit, RouteStreams streams) {
		this.streams = streams;
		this.auth = auth;
		this.mapper = mapper;
		this.limit = limit;
	}

	@Override
	public ResponseEntity<TokenPairDto> login(PasswordLoginDto request) {
		return ResponseEntity.ok(mapper.tokens(limited(request.getPhone(),
				() -> auth.login(request.getPhone(), request.getPassword(), request.getDeviceName()))));
	}

	@Override
	public ResponseEntity<CodeSentDto> requestCode(CodeRequestDto request) {
		PhoneNumbers.normalise("phone", request.getPhone());
		limit.codeRequested();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new CodeSentDto((int) auth.requestCode(request.getPhone())));
	}

	@Override
	public ResponseEntity<TokenPairDto> loginWithCode(CodeLoginDto request) {
		return ResponseEntity.ok(mapper.tokens(limited(request.getPhone(),
				() -> auth.loginWithCode(request.getPhone(), request.getCode(), request.getDeviceName()))));
	}

	/** A sign-in behind the phone's and the address's budget of failures; a failure spends from both. */
	private MobileAuth.Tokens limited(String rawPhone, java.util.function.Supplier<MobileAuth.Tokens> signIn) {
		String phone = PhoneNumbers.normalise("phone", rawPhone);
		limit.checkSignIn(phone);
		try {
			return signIn.get();
		}
		catch (BadCredentialsException ex) {
			limit.failed(phone);
			throw ex;
		}
	}

	@Override
	public ResponseEntity<TokenPairDto> refresh(RefreshRequestDto request) {
		return ResponseEntity.ok(mapper.tokens(auth.refresh(request.getRefreshToken())));
	}

	@Override
	public ResponseEntity<Void> logout() {
		String sessionId = MobileInstallers.current().sessionId();
		auth.logout(sessionId);
		streams.end(sessionId);
		return ResponseEntity.noContent().build();
	}

}
