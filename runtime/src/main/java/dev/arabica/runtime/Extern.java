package dev.arabica.runtime;

/** Something an instance can export and another can import: a function, table, memory or global. */
public sealed interface Extern permits Func, Table, Memory, Global {
}
