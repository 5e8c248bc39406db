package dev.shifu.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class ShifuApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShifuApplication.class, args);
	}

}
