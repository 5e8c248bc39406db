package dev.shifu.platform.installer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.shifu.platform.installer.PhotoStore;

/** Photos as files under one directory, two levels of checksum prefix so no folder grows too large. */
class LocalDiskPhotoStore implements PhotoStore {

	private final Path root;

	LocalDiskPhotoStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		Path target = resolve(key);
		if (Files.exists(target)) {
			return;
		}
		try {
			Files.createDirectories(target.getParent());
			// Written aside and moved, so a reader never sees half a photo.
			Path temp = Files.createTempFile(target.getParent(), "upload", ".part");
			Files.write(temp, bytes);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store photo " + key, ex);
		}
	}

	@Override
	public InputStream open(String key) {
		try {
			return Files.newInputStream(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read photo " + key, ex);
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.exists(resolve(key));
	}

	private Path resolve(String key) {
		if (!key.matches("[0-9a-f]{64}\\.[a-z]{3,4}")) {
			throw new IllegalArgumentException("not a photo key: " + key);
		}
		Path path = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key).normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("not a photo key: " + key);
		}
		return path;
	}

}
