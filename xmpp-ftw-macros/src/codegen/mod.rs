//! Turns the resolved spec model into Rust tokens.

pub mod fixtures;

use proc_macro2::TokenStream;

pub fn include_specs(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
