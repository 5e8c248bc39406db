package dev.shifu.platform.order.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shifu.platform.catalog.ProductCategory;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.order.CreateOrderRequest;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.shared.CsvRows;
import dev.shifu.platform.shared.CsvValues;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.ImportReport;
import dev.shifu.platform.shared.CsvBatches;

/**
 * Order CSV: {@code externalOrderId,consumerName,consumerPhone,address,regionCode,lat,lng,serviceType,memberTier,
 * goodsStatus,expectedArrival,promisedBy,items}, with items as {@code SKU|name|CATEGORY|quantity|serial} joined by
 * {@code ;}. Each row goes through the same intake as the JSON API, in its own transaction, so valid rows are kept
 * when others fail and a re-sent file creates nothing twice.
 */
@Component
class OrderImport {

	private final OrderIntake intake;

	private final CsvBatches batches;

	private final int maxRows;

	OrderImport(OrderIntake intake, CsvBatches batches, @Value("${shifu.limits.max-import-rows}") int maxRows) {
		this.intake = intake;
		this.batches = batches;
		this.maxRows = maxRows;
	}

	ImportReport run(Actor brand, String csv) {
		return batches.run(CsvRows.parse(csv, maxRows), "externalOrderId", OrderImport::toRequest,
				request -> intake.submitAndTell(brand, request, null).created() ? CsvBatches.Outcome.CREATED
						: CsvBatches.Outcome.DUPLICATE);
	}

	private static CreateOrderRequest toRequest(CsvValues v) {
		Double lat = v.decimal("lat");
		Double lng = v.decimal("lng");
		List<CreateOrderRequest.Item> items = v.list("items", OrderImport::item,
				"must look like SKU|name|CATEGORY|quantity|true");
		GoodsStatus goods = v.enumValue("goodsStatus", GoodsStatus.class);
		return new CreateOrderRequest(v.text("externalOrderId"),
				new CreateOrderRequest.Consumer(v.text("consumerName"), v.text("consumerPhone"), v.text("address"),
						v.text("regionCode"), lat == null && lng == null ? null : new GeoPoint(lat, lng)),
				items, v.enumValue("serviceType", ServiceType.class), v.enumValue("memberTier", MemberTier.class),
				new CreateOrderRequest.Goods(goods, v.date("expectedArrival")), v.date("promisedBy"));
	}

	private static CreateOrderRequest.Item item(String spec) {
		String[] parts = spec.split("\\|");
		if (parts.length < 4 || parts.length > 5) {
			throw new IllegalArgumentException(spec);
		}
		return new CreateOrderRequest.Item(parts[0].trim(), parts[1].trim(),
				ProductCategory.valueOf(parts[2].trim().toUpperCase(Locale.ROOT)), Integer.valueOf(parts[3].trim()),
				parts.length == 5 && Boolean.parseBoolean(parts[4].trim()));
	}

}
