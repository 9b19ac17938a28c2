package dev.lastmile.pod.scan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lastmile.model.problem.InvalidRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

    static String encoded(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), format, out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void acceptsARealPngSignatureAndARealJpegPhoto() throws Exception {
        assertEquals((byte) 0x89, Images.png("signature", encoded("png"))[0]);
        assertEquals((byte) 0xFF, Images.jpeg("photo", encoded("jpg"))[0]);
    }

    @Test
    void refusesAJpegSentAsSignatureAndAPngSentAsPhoto() throws Exception {
        InvalidRequest png = assertThrows(InvalidRequest.class, () -> Images.png("delivery.signaturePng", encoded("jpg")));
        assertEquals("delivery.signaturePng", png.errors().get(0).field());
        assertThrows(InvalidRequest.class, () -> Images.jpeg("photo", encoded("png")));
    }

    @Test
    void refusesTextThatIsNotBase64() {
        assertThrows(InvalidRequest.class, () -> Images.png("signature", "not*base64!"));
    }

    @Test
    void refusesAPhotoLargerThanTheLimit() {
        byte[] huge = new byte[Images.MAX_PHOTO_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> Images.jpeg("photo", Base64.getEncoder().encodeToString(huge)));
        assertEquals("photo", refused.errors().get(0).field());
    }
}
