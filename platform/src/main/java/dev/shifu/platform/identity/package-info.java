/**
 * Who is calling: brands (tenants, by hashed and rotatable API key), platform users with roles (admins,
 * dispatchers, customer service, provider admins, later installers) and the operations account. Other contexts
 * only see {@link dev.shifu.platform.identity.Actor} through {@link dev.shifu.platform.identity.CurrentActor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package dev.shifu.platform.identity;
