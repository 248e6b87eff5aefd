//! Rebuild when the embedded static files or the templates change:
//! rust-embed and askama read them at compile time.
fn main() {
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=data");
}
