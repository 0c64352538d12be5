//! Finding and reading AWS's model files: a file given as it is, or a service's model in a
//! folder laid out as botocore's `data/` (`SERVICE/VERSION/service-2.json[.gz]`, the newest
//! version) or as AWS's `api-models-aws` (`SERVICE/service/VERSION/SERVICE-VERSION.json`).
//!
//! A service's own folder is read without `--service`. A model in the Smithy IDL is a
//! `.smithy` file, or a folder of them (every `.smithy` file under it, read as one model).
//!
//! ```no_run
//! use aws_constraints_cli::model_files;
//!
//! let path = model_files::find("botocore/data".as_ref(), Some("sqs"))?;
//! let text = model_files::read(&path)?;
//! # Ok::<(), String>(())
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};

/// The model file `path` names: itself when it is a file, else `service`'s model in the
/// folder. Errors say what is missing, and list the closest services for an unknown one.
pub fn find(path: &Path, service: Option<&str>) -> Result<PathBuf, String> {
    let metadata =
        std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !metadata.is_dir() {
        return match service {
            None => Ok(path.to_owned()),
            Some(service) => Err(format!(
                "--service {service} names a service of a folder of models, but {} is a file",
                path.display()
            )),
        };
    }
    // A service's own folder.
    if let (None, Some(model)) = (service, newest_model(path)) {
        return Ok(model);
    }
    let services = services(path)?;
    let Some(service) = service else {
        return Err(format!(
            "{} is a folder of {} services' models: which one? (--service NAME; for example {})",
            path.display(),
            services.len(),
            services
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    };
    let folder = path.join(service);
    if !services.iter().any(|s| s == service) {
        let closest = aws_constraints_schema::closest(services.iter().map(String::as_str), service);
        return Err(format!(
            "{} has no model of a service {service}; closest: {}",
            path.display(),
            closest.join(", ")
        ));
    }
    newest_model(&folder).ok_or_else(|| {
        format!(
            "{} holds neither a botocore model (VERSION/service-2.json) nor a Smithy one \
             (service/VERSION/*.json)",
            folder.display()
        )
    })
}

/// The services of a folder of models: its subfolders, sorted.
pub fn services(path: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut services: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| !name.starts_with(['.', '_']))
        .collect();
    services.sort();
    Ok(services)
}

/// The newest version's model in a service's folder, in either layout.
fn newest_model(folder: &Path) -> Option<PathBuf> {
    let smithy = folder.join("service");
    let (versions, smithy) = if smithy.is_dir() {
        (smithy, true)
    } else {
        (folder.to_owned(), false)
    };
    let mut versions: Vec<PathBuf> = std::fs::read_dir(&versions)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    // Versions are dates (`2015-05-28`): the newest sorts last.
    versions.sort();
    let newest = versions.pop()?;
    if smithy {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&newest)
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files.into_iter().next()
    } else {
        ["service-2.json", "service-2.json.gz"]
            .iter()
            .map(|name| newest.join(name))
            .find(|path| path.is_file())
    }
}

/// The model `path` names (see [`find`]) as a Smithy JSON AST or botocore model text, and
/// the file or folder it was read from.
pub fn load(path: &Path, service: Option<&str>) -> Result<(String, PathBuf), String> {
    let idl = aws_constraints_schema::idl::smithy_files(path).map_err(|e| e.to_string())?;
    if idl.is_empty() {
        let file = find(path, service)?;
        return Ok((read(&file)?, file));
    }
    if let Some(service) = service {
        return Err(format!(
            "--service {service} names a service of a folder of models, but {} holds a model \
             in the Smithy IDL (.smithy files), read as one",
            path.display()
        ));
    }
    let ast = aws_constraints_schema::idl::read_files(&idl).map_err(|e| e.to_string())?;
    Ok((ast, path.to_owned()))
}

/// botocore's `data/` folder, of the `botocore` package `python3` imports.
pub fn botocore_data() -> Result<PathBuf, String> {
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))",
        ])
        .output()
        .map_err(|e| {
            format!("cannot run python3 to find botocore's models ({e}): give --models")
        })?;
    let path = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if !output.status.success() || path.is_empty() {
        return Err(
            "python3 imports no botocore package: give --models (botocore's data/ folder, \
             or a folder of AWS's Smithy models)"
                .into(),
        );
    }
    Ok(PathBuf::from(path))
}

/// A model file's text, gunzipped when it is gzip (botocore ships `service-2.json.gz`).
pub fn read(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut text)
            .map_err(|e| format!("{shown}: not a readable gzip file: {e}"))?;
        text
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|e| format!("{shown}: not UTF-8 text: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(layout: &[&str]) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        for file in layout {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{}").unwrap();
        }
        dir
    }

    /// A temporary folder, removed when dropped.
    mod tempdir {
        pub struct Dir(std::path::PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                use std::sync::atomic::{AtomicUsize, Ordering};
                static N: AtomicUsize = AtomicUsize::new(0);
                let path = std::env::temp_dir().join(format!(
                    "aws-constraints-models-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }
            pub fn path(&self) -> &std::path::Path {
                &self.0
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn botocore_and_smithy_layouts() {
        let dir = folder(&[
            "sqs/2011-11-05/service-2.json",
            "sqs/2012-11-05/service-2.json.gz",
            "iot/service/2015-05-28/iot-2015-05-28.json",
        ]);
        let sqs = find(dir.path(), Some("sqs")).unwrap();
        assert!(sqs.ends_with("sqs/2012-11-05/service-2.json.gz"), "{sqs:?}");
        let iot = find(dir.path(), Some("iot")).unwrap();
        assert!(iot.ends_with("iot/service/2015-05-28/iot-2015-05-28.json"));
        let error = find(dir.path(), Some("sq")).unwrap_err();
        assert!(
            error.ends_with("has no model of a service sq; closest: sqs, iot"),
            "{error}"
        );
        let error = find(dir.path(), None).unwrap_err();
        assert!(
            error.contains("a folder of 2 services' models: which one?"),
            "{error}"
        );
        let own = find(&dir.path().join("iot"), None).unwrap();
        assert!(own.ends_with("iot/service/2015-05-28/iot-2015-05-28.json"));
        let file = dir.path().join("sqs/2011-11-05/service-2.json");
        assert_eq!(find(&file, None).unwrap(), file);
        assert!(find(&file, Some("sqs")).unwrap_err().contains("is a file"));
    }
}
