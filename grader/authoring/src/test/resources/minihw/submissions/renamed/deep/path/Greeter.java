package mini;

public class Greeter {
    public String hello(String name) {
        return "Hello, " + name;
    }
}
