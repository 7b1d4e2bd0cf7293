// The bundled content is compiled in with include_dir; rebuild when any of it changes.
fn main() {
    println!("cargo:rerun-if-changed=content");
}
