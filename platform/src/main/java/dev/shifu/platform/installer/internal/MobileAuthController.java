package dev.shifu.platform.installer.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class MobileAuthController implements AuthApi {

	private final MobileAuth auth;

	private final MobileMapper mapper;

	MobileAuthController(MobileAuth auth, MobileMapper mapper) {
		this.auth = auth;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<TokenPairDto> login(PasswordLoginDto request) {
		return ResponseEntity.ok(mapper.tokens(auth.login(request.getPhone(), request.getPassword(), request.getDeviceName())));
	}

	@Override
	public ResponseEntity<CodeSentDto> requestCode(CodeRequestDto request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new CodeSentDto((int) auth.requestCode(request.getPhone())));
	}

	@Override
	public ResponseEntity<TokenPairDto> loginWithCode(CodeLoginDto request) {
		return ResponseEntity.ok(mapper.tokens(auth.loginWithCode(request.getPhone(), request.getCode(), request.getDeviceName())));
	}

	@Override
	public ResponseEntity<TokenPairDto> refresh(RefreshRequestDto request) {
		return ResponseEntity.ok(mapper.tokens(auth.refresh(request.getRefreshToken())));
	}

	@Override
	public ResponseEntity<Void> logout() {
		auth.logout(MobileInstallers.current().sessionId());
		return ResponseEntity.noContent().build();
	}

}
