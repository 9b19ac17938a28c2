package dev.lastmile.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie's Secure flag, when the carrier serves over TLS (lastmile.cookies.secure=true). Name,
 * HttpOnly and cookie-only tracking are in web.xml, SameSite=Lax in glassfish-web.xml (where Payara reads it).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(ConfigProvider.getConfig().getOptionalValue("lastmile.cookies.secure", Boolean.class).orElse(false));
    }
}
