package dev.shifu.platform.installer.internal;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import dev.shifu.mobile.server.model.MeDto;
import dev.shifu.mobile.server.model.OfferDto;
import dev.shifu.mobile.server.model.RouteDto;
import dev.shifu.mobile.server.model.RouteJobDto;
import dev.shifu.mobile.server.model.RouteVersionEventDto;
import dev.shifu.mobile.server.model.TokenPairDto;

/** The contract's DTOs from the domain's views: the only place they meet (the API edge). */
@Mapper
interface MobileMapper {

	@Mapping(target = "tokenType", constant = "BEARER")
	TokenPairDto tokens(MobileAuth.Tokens tokens);

	MeDto me(MobileViews.Me me);

	RouteDto route(MobileViews.Route route);

	RouteJobDto job(MobileViews.RouteJob job);

	OfferDto offer(MobileViews.Offer offer);

	List<OfferDto> offers(List<MobileViews.Offer> offers);

	RouteVersionEventDto routeVersion(MobileViews.RouteVersion version);

}
