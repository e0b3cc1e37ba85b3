// hello_rust: the same host functions reached through Rust's std (std::env, std::fs, std::io).
// Arguments: any words are echoed; "--exit N" as the last two arguments exits with code N.
use std::env;
use std::fs::{self, OpenOptions};
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::process;

fn describe(e: &io::Error) -> String {
    format!("{:?} (os error {:?})", e.kind(), e.raw_os_error())
}

fn main() {
    let args: Vec<String> = env::args().collect();
    println!("args: {}", args.len());
    for (i, a) in args.iter().enumerate() {
        println!("  arg {}: {}", i, a);
    }
    match env::var("RUST_TEST") {
        Ok(v) => println!("RUST_TEST: {}", v),
        Err(e) => println!("RUST_TEST: {}", e),
    }
    match env::var("NOT_SET_ANYWHERE") {
        Ok(v) => println!("NOT_SET_ANYWHERE: {}", v),
        Err(e) => println!("NOT_SET_ANYWHERE: {}", e),
    }
    let mut vars: Vec<(String, String)> = env::vars().collect();
    vars.sort();
    println!("env vars: {}", vars.len());
    for (k, v) in &vars {
        println!("  {}={}", k, v);
    }

    println!("== std::fs");
    let dir = "/sandbox/rust";
    fs::create_dir(dir).expect("create_dir");
    println!("create_dir: ok");
    match fs::create_dir(dir) {
        Ok(_) => println!("create_dir again: unexpected success"),
        Err(e) => println!("create_dir again: {}", describe(&e)),
    }
    fs::create_dir_all("/sandbox/rust/a/b/c").expect("create_dir_all");
    println!("create_dir_all a/b/c: ok");
    let path = "/sandbox/rust/hello.txt";
    fs::write(path, "Hello from Rust!\nsecond line\n").expect("write");
    println!("write: ok");
    let text = fs::read_to_string(path).expect("read_to_string");
    print!("read back: {}", text);
    {
        let mut f = OpenOptions::new().append(true).open(path).expect("open append");
        f.write_all(b"appended\n").expect("append");
    }
    let meta = fs::metadata(path).expect("metadata");
    println!("len after append: {}, is_file: {}, is_dir: {}", meta.len(), meta.is_file(), meta.is_dir());
    {
        let mut f = OpenOptions::new().read(true).write(true).open(path).expect("open rw");
        f.seek(SeekFrom::Start(6)).expect("seek");
        f.write_all(b"RUST").expect("overwrite");
        f.seek(SeekFrom::End(-9)).expect("seek end");
        let mut tail = String::new();
        f.read_to_string(&mut tail).expect("read tail");
        print!("tail: {}", tail);
        f.set_len(16).expect("set_len");
    }
    println!("after set_len: {:?}", fs::read_to_string(path).expect("read"));
    fs::copy(path, "/sandbox/rust/copy.txt").expect("copy");
    fs::rename("/sandbox/rust/copy.txt", "/sandbox/rust/a/moved.txt").expect("rename");
    println!("copy and rename: ok");
    fs::write("/sandbox/rust/a/b/c/deep.txt", b"deep").expect("write deep");
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| {
            let e = e.expect("entry");
            let t = e.file_type().expect("file_type");
            format!("{}{}", e.file_name().to_string_lossy(), if t.is_dir() { "/" } else { "" })
        })
        .collect();
    names.sort();
    println!("read_dir rust: {}", names.join(" "));
    match fs::read_to_string("/sandbox/rust/missing.txt") {
        Ok(_) => println!("read missing: unexpected success"),
        Err(e) => println!("read missing: {}", describe(&e)),
    }
    match fs::remove_dir(dir) {
        Ok(_) => println!("remove_dir non-empty: unexpected success"),
        Err(e) => println!("remove_dir non-empty: {}", describe(&e)),
    }
    match fs::read_to_string("/etc/passwd") {
        Ok(_) => println!("read /etc/passwd: unexpected success"),
        Err(e) => println!("read /etc/passwd: {}", describe(&e)),
    }
    fs::remove_dir_all("/sandbox/rust/a").expect("remove_dir_all");
    fs::remove_file(path).expect("remove_file");
    fs::remove_dir(dir).expect("remove_dir");
    println!("cleanup: ok, sandbox entries left: {}", fs::read_dir("/sandbox").expect("read_dir").count());

    println!("== stdin");
    let stdin = io::stdin();
    let mut count = 0;
    for line in stdin.lock().lines() {
        let line = line.expect("line");
        count += 1;
        println!("  line {}: {} -> {}", count, line, line.to_ascii_uppercase());
    }
    println!("stdin lines: {}", count);
    io::stdout().flush().expect("flush");

    let n = args.len();
    if n >= 3 && args[n - 2] == "--exit" {
        let code: i32 = args[n - 1].parse().expect("exit code");
        println!("exiting with {}", code);
        process::exit(code);
    }
}
