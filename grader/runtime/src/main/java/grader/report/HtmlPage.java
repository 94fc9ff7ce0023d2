package grader.report;

import grader.io.FileOps;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An HTML page built as a DOM tree and written by the JDK's HTML serializer, so every text is escaped by the
 * serializer and nothing is assembled from strings. The runtime is released to students, so it takes no template
 * library for one page.
 */
public final class HtmlPage {
    private final Document doc;
    private final Element head;
    private final Element body;

    /** A page with a title, UTF-8, and a style sheet of its own (the page must open from disk, alone). */
    public HtmlPage(String title, String css) {
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
        Element html = doc.createElement("html");
        html.setAttribute("lang", "en");
        doc.appendChild(html);
        head = add(html, "head");
        add(head, "meta").setAttribute("charset", "utf-8");
        add(head, "title", title);
        add(head, "style", css);
        body = add(html, "body");
    }

    public Element body() {
        return body;
    }

    /** A new element at the end of {@code parent}. */
    public Element add(Element parent, String tag) {
        Element e = doc.createElement(tag);
        parent.appendChild(e);
        return e;
    }

    /** A new element at the end of {@code parent}, holding {@code text} (escaped when written). */
    public Element add(Element parent, String tag, String text) {
        Element e = add(parent, tag);
        e.setTextContent(text);
        return e;
    }

    /** A new element with a class attribute and text. */
    public Element add(Element parent, String tag, String cssClass, String text) {
        Element e = add(parent, tag, text);
        e.setAttribute("class", cssClass);
        return e;
    }

    /** Text after what {@code parent} already holds. */
    public void text(Element parent, String text) {
        parent.appendChild(doc.createTextNode(text));
    }

    /** The page as HTML. */
    public String render() {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.METHOD, "html");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            // The HTML5 doctype as an XML serializer can write it.
            t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "about:legacy-compat");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the page: " + e.getMessage(), e);
        }
    }

    /** Writes the page, replacing the file atomically. */
    public void write(Path file) {
        FileOps.writeAtomically(file, render());
    }
}
