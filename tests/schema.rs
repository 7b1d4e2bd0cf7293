//! `cuecard schema` and `cuecard new`: every bundled file passes the schema; the schema refuses
//! what `validate` refuses for each structural defect; scaffolds validate as written.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn cuecard(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_CACHE_HOME", home)
        .output()
        .expect("cuecard runs")
}

fn validator(home: &Path, kind: &str) -> jsonschema::Validator {
    let output = cuecard(home, &["schema", kind]);
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    jsonschema::draft7::new(&schema).expect("a valid draft 7 schema")
}

fn json_of(toml_text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(toml_text).unwrap();
    serde_json::to_value(value).unwrap()
}

fn bundled_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files = Vec::new();
    for framework in std::fs::read_dir(root).unwrap() {
        let framework = framework.unwrap().path();
        for file in std::fs::read_dir(&framework).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "toml") {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                files.push((name, std::fs::read_to_string(&file).unwrap()));
            }
        }
    }
    assert!(files.len() > 10);
    files
}

#[test]
fn every_bundled_file_passes_its_schema() {
    let home = TempDir::new().unwrap();
    let framework = validator(home.path(), "framework");
    let competency = validator(home.path(), "competency");
    for (name, text) in bundled_files() {
        let schema = if name == "framework.toml" {
            &framework
        } else {
            &competency
        };
        let errors: Vec<String> = schema
            .iter_errors(&json_of(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // A file that only adds questions passes too.
    let added = "[[questions]]\nid = \"mine\"\ntext = \"Why?\"\n";
    assert!(competency.is_valid(&json_of(added)));
}

const FRAMEWORK: &str = "name = \"Test\"\nlevels = [\"Low\", \"Mid\", \"High\"]\n";
const COMPETENCY: &str = r#"name = "Listening"
definition = "Hears what is meant."
tags = ["soft-skill"]

[behaviors]
1 = ["Lets people finish."]
2 = ["Summarises back."]
3 = ["Hears what is not said."]

[[questions]]
id = "hard-talk"
text = "Tell me about a hard conversation."
level = 2
tags = ["behavioral"]
"#;

#[test]
fn the_schema_refuses_what_validate_refuses() {
    let home = TempDir::new().unwrap();
    let framework = validator(home.path(), "framework");
    let competency = validator(home.path(), "competency");
    let validate = |framework_text: &str, competency_text: &str| -> bool {
        let dir = TempDir::new().unwrap();
        std::fs::create_dir_all(dir.path().join("fw")).unwrap();
        std::fs::write(dir.path().join("fw/framework.toml"), framework_text).unwrap();
        std::fs::write(dir.path().join("fw/c.toml"), competency_text).unwrap();
        let content = dir.path().display().to_string();
        cuecard(home.path(), &["--content", &content, "validate"])
            .status
            .success()
    };
    assert!(validate(FRAMEWORK, COMPETENCY));
    assert!(competency.is_valid(&json_of(COMPETENCY)));
    assert!(framework.is_valid(&json_of(FRAMEWORK)));

    let competency_defects = [
        (
            "unknown key",
            COMPETENCY.replace("tags = [\"soft-skill\"]", "colour = \"red\""),
        ),
        (
            "missing name",
            COMPETENCY.replace("name = \"Listening\"\n", ""),
        ),
        (
            "name not a string",
            COMPETENCY.replace("name = \"Listening\"", "name = 3"),
        ),
        (
            "empty definition",
            COMPETENCY.replace("Hears what is meant.", ""),
        ),
        (
            "tag with a space",
            COMPETENCY.replace("soft-skill", "soft skill"),
        ),
        ("malformed id", COMPETENCY.replace("hard-talk", "Hard Talk")),
        ("level zero", COMPETENCY.replace("level = 2", "level = 0")),
        (
            "level a string",
            COMPETENCY.replace("level = 2", "level = \"two\""),
        ),
        (
            "behavior level not a number",
            COMPETENCY.replace("3 = [", "top = ["),
        ),
        (
            "question without text",
            COMPETENCY.replace("text = \"Tell me about a hard conversation.\"\n", ""),
        ),
        (
            "unknown question key",
            COMPETENCY.replace("level = 2", "levle = 2"),
        ),
        (
            "empty key point",
            COMPETENCY.replace("level = 2", "key_points = [\"\"]"),
        ),
    ];
    for (defect, text) in competency_defects {
        assert!(!validate(FRAMEWORK, &text), "validate accepts {defect}");
        assert!(
            !competency.is_valid(&json_of(&text)),
            "the schema accepts {defect}"
        );
    }
    let framework_defects = [
        (
            "one level",
            FRAMEWORK.replace("[\"Low\", \"Mid\", \"High\"]", "[\"Only\"]"),
        ),
        (
            "missing levels",
            FRAMEWORK.replace("levels = [\"Low\", \"Mid\", \"High\"]\n", ""),
        ),
        ("unknown key", format!("{FRAMEWORK}colour = \"red\"\n")),
        ("empty name", FRAMEWORK.replace("\"Test\"", "\"\"")),
    ];
    for (defect, text) in framework_defects {
        assert!(!validate(&text, COMPETENCY), "validate accepts {defect}");
        assert!(
            !framework.is_valid(&json_of(&text)),
            "the schema accepts {defect}"
        );
    }
}

#[test]
fn new_framework_and_competency_files_validate_and_are_never_overwritten() {
    let home = TempDir::new().unwrap();
    let output = cuecard(home.path(), &["new", "framework", "my-role"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = String::from_utf8(output.stdout).unwrap();
    assert!(
        path.trim()
            .ends_with("cuecard/content/my-role/framework.toml"),
        "{path}"
    );
    let output = cuecard(home.path(), &["new", "competency", "my-role/negotiation"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text =
        std::fs::read_to_string(home.path().join("cuecard/content/my-role/negotiation.toml"))
            .unwrap();
    assert!(
        text.contains("\n1 = []\n"),
        "a [behaviors] entry per level: {text}"
    );
    assert!(text.contains("# Basic: what someone"), "named: {text}");
    let validate = cuecard(home.path(), &["validate"]);
    assert!(
        validate.status.success(),
        "{}",
        String::from_utf8_lossy(&validate.stdout)
    );
    let list = String::from_utf8(cuecard(home.path(), &["list"]).stdout).unwrap();
    assert!(list.contains("my-role/negotiation"), "{list}");
    // Nothing of the template's examples is content until the user writes it.
    assert!(
        list.contains("behaviors 0/0/0/0") && list.contains("questions 0"),
        "{list}"
    );

    // Again: refused, the file untouched.
    let again = cuecard(home.path(), &["new", "competency", "my-role/negotiation"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    // A framework that exists is not replaced by a new framework.toml; a bad id is said.
    let bundled = cuecard(home.path(), &["new", "framework", "customer-support"]);
    assert_eq!(bundled.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bundled.stderr).contains("exists already"));
    let bad = cuecard(home.path(), &["new", "framework", "My Role"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("as in `my-role`"));
    let nowhere = cuecard(home.path(), &["new", "competency", "nope/x"]);
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("no framework `nope`"));
}
