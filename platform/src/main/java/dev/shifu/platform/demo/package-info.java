/**
 * Demo data for the embedded profile: a Hangzhou network (two brands, two authorised dealers, one third-party
 * company, 30 installers) and about 200 orders over the coming days, made through each context's public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package dev.shifu.platform.demo;
