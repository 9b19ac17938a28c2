package dev.lastmile.web.soap;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.partner.PartnerCall;
import dev.lastmile.web.problem.ErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Lets only requests shaped like the partner contract reach the SOAP runtime: a SOAP 1.1 envelope whose body
 * holds one of the contract's requests. Anything else (not XML, no envelope, an operation the contract does
 * not have, text in the body) is answered here with a Client fault in the contract's words, because Metro
 * would answer it with its parser's messages before any handler of ours runs. Where the SOAP endpoint is
 * served by the web module (Payara Micro); on Payara Server the EJB endpoint has its own path.
 */
@WebFilter(urlPatterns = "/soap/*")
public class SoapRequestGuard extends HttpFilter {

    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String CONTRACT_NS = "https://lastmile.dev/partners/handoff/v1";
    static final String NOT_THE_CONTRACT = "The request does not follow the partner handoff contract (partner-handoff.wsdl).";
    static final String V2_NS = "https://lastmile.dev/partners/v2";
    static final String V2_NOT_THE_CONTRACT =
            "The request does not follow the partner network contract (partner-network-v2.wsdl).";
    /** Handoff requests are a few hundred bytes; a megabyte is refused unread. */
    static final int MAX_BYTES = 1 << 20;
    /** A v2 batch of 500 status events with a few photos; more is refused unread. */
    static final int V2_MAX_BYTES = 8 << 20;
    /** The contract's messages nest six elements deep; a deeper document is an attack on the parser. */
    static final int MAX_DEPTH = 32;

    /** A partner contract as the guard checks it. */
    record Contract(String namespace, String notTheContract, int maxBytes) {
    }

    static final Contract V1 = new Contract(CONTRACT_NS, NOT_THE_CONTRACT, MAX_BYTES);
    static final Contract V2 = new Contract(V2_NS, V2_NOT_THE_CONTRACT, V2_MAX_BYTES);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            // The contract (?wsdl and the schemas it imports) is public; Metro's page that lists the endpoints with
            // their implementation classes is not.
            if ("GET".equals(request.getMethod()) && publishesTheContract(request.getQueryString())) {
                chain.doFilter(request, response);
            } else {
                response.setHeader("Allow", "POST");
                ErrorPage.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, request.getRequestURI());
            }
            return;
        }
        // The servlet path, as the container maps it: path parameters or encodings cannot make it name another contract.
        Contract contract = "/soap/partners/v2".equals(request.getServletPath()) ? V2 : V1;
        byte[] body = request.getInputStream().readNBytes(contract.maxBytes() + 1);
        if (body.length > contract.maxBytes() || !followsTheContract(body, contract.namespace())) {
            refuse(response, contract);
            return;
        }
        // The container's authentication (CallerAuthentication) has checked the Basic credentials already.
        Long recognised = request.getAttribute(CurrentCaller.ATTRIBUTE) instanceof Caller caller
                && caller.kind() == CallerKind.PARTNER ? caller.accountId() : null;
        PartnerCall.begin(request.getHeader("Authorization"), recognised);
        try {
            chain.doFilter(new CachedBody(request, body), response);
        } finally {
            PartnerCall.end();
        }
    }

    private static boolean publishesTheContract(String query) {
        return query != null && (query.equalsIgnoreCase("wsdl") || query.startsWith("xsd=") || query.startsWith("wsdl="));
    }

    static boolean followsTheContract(byte[] body) {
        return followsTheContract(body, CONTRACT_NS);
    }

    static boolean followsTheContract(byte[] body, String namespace) {
        try {
            DocumentBuilder builder = BUILDERS.get();
            builder.reset();
            Document document = builder.parse(new ByteArrayInputStream(body));
            Element envelope = document.getDocumentElement();
            if (!is(envelope, ENVELOPE_NS, "Envelope")) {
                return false;
            }
            Element soapBody = null;
            for (Node child = envelope.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && is(element, ENVELOPE_NS, "Body")) {
                    soapBody = element;
                }
            }
            return soapBody != null && holdsOneContractRequest(soapBody, namespace);
        } catch (Exception notXml) {
            return false;
        }
    }

    private static boolean holdsOneContractRequest(Element soapBody, String namespace) {
        int requests = 0;
        for (Node child = soapBody.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (!namespace.equals(element.getNamespaceURI()) || !element.getLocalName().endsWith("Request")) {
                    return false;
                }
                requests++;
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getTextContent().isBlank()) {
                return false;
            }
        }
        return requests == 1;
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /**
     * One parser per request thread: finding and configuring a factory costs more than parsing a partner's request,
     * and a DocumentBuilder may not be shared between threads.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            return parser().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    /** No DTDs, no external entities: a SOAP message has none, and they are how XML attacks come in. */
    private static DocumentBuilderFactory parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        return factory;
    }

    private static void refuse(HttpServletResponse response, Contract contract) throws IOException {
        response.setStatus(500);
        response.setContentType("text/xml; charset=UTF-8");
        response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><S:Envelope xmlns:S=\"" + ENVELOPE_NS
                + "\"><S:Body><S:Fault><faultcode>S:Client</faultcode><faultstring>" + contract.notTheContract()
                + "</faultstring></S:Fault></S:Body></S:Envelope>").getBytes(StandardCharsets.UTF_8));
    }

    /** The request again, with the body already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
