package dev.shifu.platform.installer;

import java.io.InputStream;

/**
 * Where job photos' bytes live. The default keeps them on local disk ({@code shifu.installer.photos.directory});
 * an S3-compatible store is another bean of this type. Keys are ours, content-addressed by checksum.
 */
public interface PhotoStore {

	/** Stores the bytes under the key; storing the same key again keeps one copy. */
	void put(String key, byte[] bytes, String contentType);

	InputStream open(String key);

	boolean exists(String key);

}
