package org.saphan.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SOAP answer as a JSON tree with the provider's own element names ({@code RESULT_CODE}, {@code HOUSE/PID}), so
 * the same declarative answer mappings serve SOAP and REST providers. Elements with children become objects,
 * repeated elements arrays, and leaves their text; namespaces are dropped.
 */
public final class XmlTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private XmlTree() {
    }

    /** A generated JAXB object (a response or a fault's detail) as a JSON tree. */
    public static JsonNode of(Object jaxbObject) {
        try {
            JAXBContext context = CONTEXTS.computeIfAbsent(jaxbObject.getClass(), XmlTree::context);
            Document document = builder().newDocument();
            context.createMarshaller().marshal(jaxbObject, document);
            return of(document.getDocumentElement());
        } catch (JAXBException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read the SOAP answer object", e);
        }
    }

    /**
     * A recorded XML answer as a JSON tree: a whole envelope gives its body's element, or a declared fault's
     * detail element; any other document gives its root element.
     */
    public static JsonNode parse(String xml) {
        try {
            Element root = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            if ("Envelope".equals(root.getLocalName())) {
                Element body = firstChild(root, "Body");
                root = body == null ? null : firstChild(body, null);
                Element detail = root != null && "Fault".equals(root.getLocalName()) ? firstChild(root, "detail") : null;
                if (detail != null && firstChild(detail, null) != null) {
                    root = firstChild(detail, null); // a declared fault: its detail, as the client reads it
                }
            }
            if (root == null) {
                throw new IllegalArgumentException("no SOAP body element");
            }
            return of(root);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }

    static JsonNode of(Element element) {
        boolean hasChildElements = false;
        ObjectNode object = NODES.objectNode();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                hasChildElements = true;
                String name = child.getLocalName() != null ? child.getLocalName() : child.getTagName();
                JsonNode value = of(child);
                JsonNode existing = object.get(name);
                if (existing == null) {
                    object.set(name, value);
                } else if (existing instanceof ArrayNode array) {
                    array.add(value);
                } else {
                    ArrayNode array = NODES.arrayNode();
                    array.add(existing);
                    array.add(value);
                    object.set(name, array);
                }
            }
        }
        return hasChildElements ? object : NODES.textNode(element.getTextContent());
    }

    private static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
                return e;
            }
        }
        return null;
    }

    private static JAXBContext context(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB context for " + type.getName(), e);
        }
    }

    private static javax.xml.parsers.DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        // errors are thrown, never printed: the parser's own handler writes to stderr, quoting positions of outside input
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder;
    }
}
