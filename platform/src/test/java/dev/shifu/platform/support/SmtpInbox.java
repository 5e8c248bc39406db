package dev.shifu.platform.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP listener on 127.0.0.1 and a random port, for Spring Mail tests (no SMTP server runs here, and GreenMail
 * is not in the Maven repository we reach): it speaks just enough SMTP (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT; no AUTH, no TLS) and keeps each message parsed by Jakarta Mail, so subjects and bodies read decoded.
 */
public final class SmtpInbox implements AutoCloseable {

	/** One message as delivered: the envelope's recipients and the parsed message. */
	public record Mail(List<String> recipients, MimeMessage message) {

		public String subject() {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new AssertionError(ex);
			}
		}

		/** The plain-text body, decoded from its transfer encoding and charset. */
		public String text() {
			try {
				return String.valueOf(message.getContent()).strip();
			}
			catch (IOException | MessagingException ex) {
				throw new AssertionError(ex);
			}
		}

		public String contentType() {
			try {
				return message.getContentType();
			}
			catch (MessagingException ex) {
				throw new AssertionError(ex);
			}
		}

	}

	private final ServerSocket server;

	private final List<Mail> received = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	private SmtpInbox() throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		acceptor = new Thread(this::accept, "smtp-inbox-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static SmtpInbox start() {
		try {
			return new SmtpInbox();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return server.getLocalPort();
	}

	public List<Mail> received() {
		return List.copyOf(received);
	}

	/** Messages one of whose envelope recipients is {@code address}. */
	public List<Mail> to(String address) {
		return received.stream().filter(m -> m.recipients().contains(address)).toList();
	}

	@Override
	public void close() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread session = new Thread(() -> serve(socket), "smtp-inbox-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream()) {
			socket.setSoTimeout(30_000);
			reply(out, "220 smtp-inbox ready");
			List<String> recipients = new ArrayList<>();
			for (String line = line(in); line != null; line = line(in)) {
				String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
				switch (command) {
					case "HELO", "EHLO" -> reply(out, "250 smtp-inbox");
					case "MAIL" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "RCPT" -> {
						recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>\\s]*)>?.*$", "$1"));
						reply(out, "250 OK");
					}
					case "DATA" -> {
						reply(out, "354 end with <CRLF>.<CRLF>");
						received.add(new Mail(List.copyOf(recipients), parse(data(in))));
						recipients.clear();
						reply(out, "250 OK queued");
					}
					case "RSET" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "NOOP" -> reply(out, "250 OK");
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "502 not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	/** The message's bytes up to the lone dot, dot-stuffing undone, lines ending in CRLF. */
	private static byte[] data(InputStream in) throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		for (String line = line(in); line != null && !line.equals("."); line = line(in)) {
			String unstuffed = line.startsWith("..") ? line.substring(1) : line;
			message.write(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
			message.write('\r');
			message.write('\n');
		}
		return message.toByteArray();
	}

	private static MimeMessage parse(byte[] raw) throws IOException {
		try {
			return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IOException(ex);
		}
	}

	/** A line without its CRLF, bytes kept as ISO-8859-1 chars; null at the end of the stream. */
	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
