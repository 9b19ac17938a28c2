package dev.lastmile.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The archive under test: the real lastmile.ear the build produced, not a hand-made subset. */
final class Deployed {

    private Deployed() {
    }

    static EnterpriseArchive lastmileEar() {
        File ear = new File(System.getProperty("lastmile.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first: " + ear);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
