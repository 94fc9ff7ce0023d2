package grader.samples.todos;

import grader.api.Todo;
import org.junit.jupiter.api.Test;

/** Tests filed under TODOs of Problem 5 by annotation, whatever their names say. Graded by SelectionTest. */
@Todo("5.1")
class TodoSample {
    @Test
    void gradesTheClassTodo() {
    }

    @Test
    @Todo({"5.2", "5.3"})
    void namesTwoTodosAndIsFiledUnderTheFirst() {
    }

    @Test
    @Todo("5.3")
    void problem5_1_inItsNameIsNotItsTodo() {
    }
}
