import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Parses each file given as real XML (the JDK's parser; no DTD, no external entities) and prints, per file, one
 * line of tab-separated facts the e2e tests assert on: root namespace, root name, script elements, on* handler
 * attributes, references leaving the document (href not starting with '#', url() not starting with '#'), and the
 * text of its elements, space-separated, whitespace squeezed. A file that is not well-formed makes it exit 1 with the reason.
 */
public class XmlCheck {
    public static void main(String[] args) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        for (String path : args) {
            Element root = b.parse(new File(path)).getDocumentElement();
            int handlers = 0;
            int external = 0;
            StringBuilder text = new StringBuilder();
            NodeList all = root.getElementsByTagName("*");
            for (int i = -1; i < all.getLength(); i++) {
                Element e = i < 0 ? root : (Element) all.item(i);
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling())
                    if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) text.append(' ').append(c.getNodeValue());
                NamedNodeMap attrs = e.getAttributes();
                for (int j = 0; j < attrs.getLength(); j++) {
                    Attr a = (Attr) attrs.item(j);
                    String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
                    String value = a.getValue().trim();
                    if (name.toLowerCase().startsWith("on")) handlers++;
                    if (name.equals("href") && !value.startsWith("#")) external++;
                    if (value.matches("(?s).*url\\(\\s*['\"]?[^#'\"\\s].*")) external++;
                }
                if (e.getLocalName().equals("style") && e.getTextContent().matches("(?s).*(@import|url\\(\\s*['\"]?[^#'\"\\s]).*")) external++;
            }
            System.out.println(String.join("\t", String.valueOf(root.getNamespaceURI()), root.getLocalName(),
                String.valueOf(root.getElementsByTagNameNS("*", "script").getLength()), String.valueOf(handlers),
                String.valueOf(external), text.toString().replaceAll("\\s+", " ").trim()));
        }
    }
}
