//! What every extraction target checks, beyond "no panic": the contract `extract_bytes` keeps
//! with the later stages and with the user.

use skillgap::extract::{self, Document, MIN_WORD_CHARACTERS, Options, Source};

/// Extracts `data` as a file with `extension` would be, in this process behind the panic guard
/// (`Options::default()` names no worker), and checks the outcome.
pub fn check_extraction(data: &[u8], extension: Option<&str>) {
    let source = Source {
        display: extension.map_or("fuzz".into(), |e| format!("fuzz.{e}")).into(),
        extension: extension.map(str::to_string),
    };
    match extract::extract_bytes(data, &source, &Options::default()) {
        Ok(document) => check_document(&document),
        Err(error) => {
            let code = error.exit_status().code();
            assert!(
                matches!(code, 4 | 5 | 7),
                "an extraction error must exit 4, 5 or 7, not {code}: {error}"
            );
            let message = error.to_string();
            assert!(
                !message.contains(['\n', '\r']),
                "every error is one line on standard error: {message:?}"
            );
        }
    }
}

fn check_document(document: &Document) {
    let characters = document.word_characters();
    assert!(
        characters >= MIN_WORD_CHARACTERS,
        "a document with {characters} letters and digits passed the no-text rule"
    );
    for (index, line) in document.lines.iter().enumerate() {
        assert!(
            !line.text.contains('\n'),
            "line {} holds a line break: {:?}",
            index + 1,
            line.text
        );
        assert!(
            !line.text.contains(char::is_control),
            "line {} holds a control character: {:?}",
            index + 1,
            line.text
        );
    }
}
