package dev.shifu.planner.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Solomon VRPTW instance: customer 0 is the depot. Parses the standard text format (name line,
 * VEHICLE section with number and capacity, CUSTOMER section with one row per customer).
 */
public record SolomonInstance(String name, int vehicleCount, int capacity, List<Customer> customers) {

    public record Customer(int id, double x, double y, int demand, int readyTime, int dueDate, int serviceTime) {
    }

    public Customer depot() {
        return customers.get(0);
    }

    public static SolomonInstance read(Path path) throws IOException {
        return parse(Files.readAllLines(path));
    }

    public static SolomonInstance parse(List<String> lines) {
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<Customer> customers = new ArrayList<>();
        boolean inVehicle = false;
        boolean inCustomer = false;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.equalsIgnoreCase("VEHICLE")) {
                inVehicle = true;
                inCustomer = false;
                continue;
            }
            if (line.equalsIgnoreCase("CUSTOMER")) {
                inVehicle = false;
                inCustomer = true;
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (!Character.isDigit(tokens[0].charAt(0))) {
                continue; // column headers
            }
            if (inVehicle) {
                vehicles = Integer.parseInt(tokens[0]);
                capacity = Integer.parseInt(tokens[1]);
            } else if (inCustomer) {
                if (tokens.length < 7) {
                    throw new IllegalArgumentException("Bad customer line: " + raw);
                }
                customers.add(new Customer(Integer.parseInt(tokens[0]), Double.parseDouble(tokens[1]),
                        Double.parseDouble(tokens[2]), Integer.parseInt(tokens[3]), Integer.parseInt(tokens[4]),
                        Integer.parseInt(tokens[5]), Integer.parseInt(tokens[6])));
            }
        }
        if (name == null || vehicles < 0 || customers.isEmpty() || customers.get(0).id() != 0) {
            throw new IllegalArgumentException("Not a Solomon instance (name, VEHICLE or depot missing)");
        }
        return new SolomonInstance(name, vehicles, capacity, List.copyOf(customers));
    }
}
