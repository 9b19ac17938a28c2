package dev.lastmile.pod.handheld.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.problem.InvalidRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void acceptsARealPngImage() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", png);
        Signature signature = Signature.fromBase64(Base64.getEncoder().encodeToString(png.toByteArray()));
        assertEquals(png.size(), signature.png().length);
    }

    @Test
    void refusesAJpegPretendingToBeASignature() {
        byte[] jpegStart = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> Signature.fromBase64(Base64.getEncoder().encodeToString(jpegStart)));
        assertEquals("signaturePng", refused.errors().get(0).field());
    }

    @Test
    void refusesTextThatIsNotBase64() {
        assertThrows(InvalidRequest.class, () -> Signature.fromBase64("not*base64!"));
    }
}
