package dev.shifu.platform.installer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import dev.shifu.platform.installer.PhotoStore;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.PayloadTooLargeException;

/**
 * Job photos: only real images (the bytes decide, not the declared type), within the size limit, kept once per job
 * by their SHA-256 (a re-upload answers the stored photo), with the EXIF time and position where the file has them.
 */
@Service
class JobPhotos {

	/** The image types the app may send, recognised by their first bytes. */
	enum ImageType {

		JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), HEIC("image/heic", "heic");

		final String contentType;

		final String extension;

		ImageType(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		static Optional<ImageType> sniff(byte[] b) {
			if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
				return Optional.of(JPEG);
			}
			if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
				return Optional.of(PNG);
			}
			if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
				String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
				if (brand.startsWith("hei") || brand.equals("mif1") || brand.equals("heix")) {
					return Optional.of(HEIC);
				}
			}
			return Optional.empty();
		}

	}

	/** A stored photo, and whether it had been uploaded for the job before. */
	record Stored(PhotoLibrary.Photo photo, boolean duplicate) {
	}

	private final JobAccess access;

	private final PhotoLibrary library;

	private final PhotoStore store;

	private final InstallerSettings settings;

	private final Clock clock;

	JobPhotos(JobAccess access, PhotoLibrary library, PhotoStore store, InstallerSettings settings,
			Optional<Clock> clock) {
		this.access = access;
		this.library = library;
		this.store = store;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	Stored upload(Reporter reporter, long orderId, PhotoLibrary.Kind kind, MultipartFile file) {
		access.job(reporter, orderId);
		if (file == null || file.isEmpty()) {
			throw new InvalidFieldException("file", "is required and may not be empty");
		}
		if (kind == null) {
			throw new InvalidFieldException("kind", "is required");
		}
		if (file.getSize() > settings.photos().maxBytes()) {
			throw new PayloadTooLargeException("file", "a photo may have at most " + settings.photos().maxBytes() + " bytes");
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ImageType type = ImageType.sniff(bytes)
			.orElseThrow(() -> new dev.shifu.platform.shared.UnsupportedContentException("file",
					"is not a JPEG, PNG or HEIC image"));
		String checksum = sha256(bytes);
		Optional<PhotoLibrary.Photo> known = library.byChecksum(orderId, checksum);
		if (known.isPresent()) {
			return new Stored(known.get(), true);
		}
		String key = checksum + "." + type.extension;
		store.put(key, bytes, type.contentType);
		Exif exif = Exif.of(bytes);
		try {
			long id = library.insert(orderId, reporter.installerId(), kind, checksum, type.contentType, bytes.length, key,
					exif.takenAt(), exif.lat(), exif.lng(), clock.instant());
			return new Stored(library.find(id).orElseThrow(), false);
		}
		catch (DuplicateKeyException raced) {
			// The same file uploaded twice at once: the other request stored it.
			return new Stored(library.byChecksum(orderId, checksum).orElseThrow(() -> raced), true);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the camera wrote: the original time and the GPS position, each where present and readable. */
	record Exif(Instant takenAt, Double lat, Double lng) {

		static Exif of(byte[] bytes) {
			try {
				Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
				Instant taken = null;
				ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
				if (exif != null) {
					Date original = exif.getDateOriginal();
					taken = original == null ? null : original.toInstant();
				}
				Double lat = null;
				Double lng = null;
				GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
				GeoLocation where = gps == null ? null : gps.getGeoLocation();
				if (where != null && !where.isZero()) {
					lat = where.getLatitude();
					lng = where.getLongitude();
				}
				return new Exif(taken, lat, lng);
			}
			catch (ImageProcessingException | IOException | RuntimeException unreadable) {
				// A photo without readable metadata is still a photo; there is simply nothing to keep.
				return new Exif(null, null, null);
			}
		}

	}

}
