//! `aws-constraints`: validate an operation's input document as AWS would (the five
//! hand-declared operations, or any operation of any AWS model with `--model`), list the
//! operations, generate sample documents, test a pattern against values, import a model as
//! Rust, or serve the five operations as a local emulator.
//!
//! Exit codes: 0 valid (or done), 1 constraints violated, 2 bad input or usage.

use std::io::{self, BufRead, Read, Write};
use std::net::SocketAddr;
use std::process::ExitCode;

use aws_constraints::{pattern::Pattern, InputError, Validated, ValidationErrors};
use aws_constraints_cli::{emulator, model_files};
use aws_constraints_models::{visit_operation, Operation, OperationVisitor};
use aws_constraints_schema::profile::Profile;
use aws_constraints_schema::{samples, DocumentError, Model, Validator};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "aws-constraints",
    version,
    about = "Validate AWS API input documents exactly as AWS does"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the operations, one a line: the five hand-declared ones, or a model's.
    Operations {
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Validate one JSON input document (the shape of the AWS CLI's --cli-input-json).
    ///
    /// Exit 0 and print `valid` when every constraint holds; exit 1 and print the violations
    /// when not; exit 2 when the document is not a well-formed input for the operation.
    Validate {
        /// The operation, as `aws-constraints operations` lists it.
        operation: String,
        /// The document; standard input when absent or `-`.
        file: Option<String>,
        /// How to print violations.
        #[arg(long, value_enum, default_value_t = Format::Aws)]
        format: Format,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Print documents generated from a model for an operation, one JSON object a line
    /// (`{"breaks": .., "document": ..}`): first one meant to be valid, then one for each
    /// constraint it can break.
    Samples {
        /// The operation, as `aws-constraints operations --model ..` lists it.
        operation: String,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Write Rust types annotated for aws-constraints from an AWS model (a Smithy JSON AST,
    /// botocore's service-2.json, plain or gzipped, or Smithy IDL .smithy files):
    /// the input of each operation (every operation when none is named) and every shape it
    /// reaches. Exit 2 with the reason when the model cannot be imported.
    Import {
        /// The model: a Smithy JSON AST or botocore service-2.json (plain or .gz), a .smithy
        /// file, or a folder of .smithy files read as one model.
        model: String,
        /// An operation to import, by name; repeatable.
        #[arg(long = "operation")]
        operations: Vec<String>,
        /// Where to write the module; standard output when absent.
        #[arg(long)]
        output: Option<String>,
        /// Also the operations' output shapes.
        #[arg(long)]
        outputs: bool,
        /// Also the operations' error structures.
        #[arg(long)]
        errors: bool,
        /// Also `validate_input(operation, document)`, validating a document as the input
        /// of an operation named at run time.
        #[arg(long)]
        dispatch: bool,
        /// Everything as the model writes it, not as the service departs from it (patterns
        /// with the anchors AWS's Smithy models added, which the services do not print).
        #[arg(long)]
        as_modeled: bool,
    },
    /// Read values from standard input, one JSON string a line, and print whether each
    /// matches the whole pattern: `true` or `false`, a line.
    Pattern {
        /// The pattern, as AWS writes it.
        pattern: String,
        /// Run a pattern with back-references on the bounded backtracking matcher (the
        /// library's `#[pattern("..", backtracking)]`); a value it cannot decide within its
        /// step budget is answered `false`.
        #[arg(long)]
        backtracking: bool,
    },
    /// Serve the five operations over HTTP (restJson1), as AWS would answer them, until
    /// Ctrl-C; with --model, any model's operations over its own protocol, checked (a valid
    /// request gets an empty success, nothing is executed). Prints the address on the first
    /// line; logs one line per request.
    Serve {
        /// Where to listen; port 0 picks a free one.
        #[arg(long, default_value = "127.0.0.1:4566")]
        addr: SocketAddr,
        /// An Amazon Connect instance id that ReplicateInstance can replicate (repeatable).
        #[arg(long = "connect-instance", value_name = "ID", conflicts_with = "model")]
        connect_instances: Vec<String>,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Put AWS's validation in front of an AWS emulator (LocalStack, moto): each request is
    /// checked against AWS's model of its service; an invalid one is answered as AWS would,
    /// a valid one (or one of no known service) forwarded unchanged. Prints the address on
    /// the first line, a line per rejected request, and a summary on Ctrl-C.
    Proxy {
        /// The emulator's URL (`http://127.0.0.1:4566`).
        #[arg(long, value_name = "URL")]
        upstream: http::Uri,
        /// Where to listen; port 0 picks a free one.
        #[arg(long, default_value = "127.0.0.1:4567")]
        listen: SocketAddr,
        /// A folder of models: botocore's `data/` (by default, the one of the `botocore`
        /// package that `python3` imports: every LocalStack and moto installation has one),
        /// or AWS's api-models-aws layout.
        #[arg(long, value_name = "DIR")]
        models: Option<std::path::PathBuf>,
        /// Forward everything; only log what AWS would have rejected.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Which model to read, instead of the five hand-declared operations.
#[derive(clap::Args)]
struct ModelArgs {
    /// An AWS model: a Smithy JSON AST or a botocore service-2.json (plain or .gz), or a
    /// folder of them (botocore's data/ folder, or api-models-aws's layout) with --service;
    /// or a model in the Smithy IDL: a .smithy file, or a folder of them read as one.
    #[arg(long, value_name = "MODEL")]
    model: Option<std::path::PathBuf>,
    /// The service's folder in a folder of models (`sqs`, `iot`).
    #[arg(long, value_name = "NAME", requires = "model")]
    service: Option<String>,
    /// Everything as the model writes it, not as the service departs from it (patterns
    /// with the anchors AWS's Smithy models added, which the services do not print).
    #[arg(long, requires = "model")]
    as_modeled: bool,
}

impl ModelArgs {
    /// The validator of the model given, or `None` for the five hand-declared operations.
    fn validator(&self) -> Result<Option<Validator>, Usage> {
        let Some(path) = &self.model else {
            return Ok(None);
        };
        let (text, file) = model_files::load(path, self.service.as_deref()).map_err(Usage)?;
        let model = Model::from_json(&text).map_err(|e| {
            Usage(format!(
                "{}: not a model this tool reads: {e}",
                file.display()
            ))
        })?;
        Ok(Some(if self.as_modeled {
            Validator::with_profile(&model, Profile::as_modeled())
        } else {
            Validator::new(&model)
        }))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The message AWS services send.
    Aws,
    /// The Smithy-framework ValidationException body.
    Smithy,
    /// A JSON array of violations with path, rule and parameters.
    Json,
}

/// A failure that ends the command with exit code 2 and a message on standard error.
struct Usage(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Operations { model } => operations(&model),
        Command::Validate {
            operation,
            file,
            format,
            model,
        } => validate(&operation, file.as_deref(), format, &model),
        Command::Samples { operation, model } => samples(&operation, &model),
        Command::Pattern {
            pattern,
            backtracking,
        } => match_pattern(&pattern, backtracking),
        Command::Import {
            model,
            operations,
            output,
            outputs,
            errors,
            dispatch,
            as_modeled,
        } => import(&model, operations, output.as_deref(), |b| {
            let b = b.outputs(outputs).errors(errors).dispatch(dispatch);
            if as_modeled {
                b.profile(Profile::as_modeled())
            } else {
                b
            }
        }),
        Command::Serve {
            addr,
            connect_instances,
            model,
        } => serve(addr, connect_instances, &model),
        Command::Proxy {
            upstream,
            listen,
            models,
            dry_run,
        } => proxy(upstream, listen, models, dry_run),
    };
    result.unwrap_or_else(|Usage(message)| {
        eprintln!("error: {message}");
        ExitCode::from(2)
    })
}

fn import(
    model: &str,
    operations: Vec<String>,
    output: Option<&str>,
    options: impl FnOnce(aws_constraints_codegen::Builder) -> aws_constraints_codegen::Builder,
) -> Result<ExitCode, Usage> {
    let (text, _) = model_files::load(model.as_ref(), None).map_err(Usage)?;
    let builder = operations.into_iter().fold(
        options(aws_constraints_codegen::Builder::new().model_json(text)),
        aws_constraints_codegen::Builder::operation,
    );
    let result = match output {
        Some(path) => builder.write_to(path),
        None => builder.generate().map(|code| {
            let _ = print(&code);
        }),
    };
    result
        .map(|()| ExitCode::SUCCESS)
        .map_err(|e| Usage(format!("{model}: {e}")))
}

fn print(text: &str) -> Result<(), Usage> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Usage(format!("cannot write output: {e}")))
}

fn read_document(file: Option<&str>) -> Result<String, Usage> {
    let mut text = String::new();
    match file {
        None | Some("-") => io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Usage(format!("cannot read standard input: {e}")))?,
        Some(path) => {
            let mut f = std::fs::File::open(path).map_err(|e| Usage(format!("{path}: {e}")))?;
            f.read_to_string(&mut text)
                .map_err(|e| Usage(format!("{path}: {e}")))?
        }
    };
    Ok(text)
}

fn operations(model: &ModelArgs) -> Result<ExitCode, Usage> {
    let mut out = String::new();
    match model.validator()? {
        None => {
            for name in aws_constraints_models::OPERATIONS {
                out.push_str(name);
                out.push('\n');
            }
        }
        Some(validator) => {
            for (name, refused) in validator.operations() {
                out.push_str(name);
                out.push('\n');
                if let Some(reason) = refused {
                    eprintln!("{name}: cannot be validated: {reason}");
                }
            }
        }
    }
    print(&out).map(|()| ExitCode::SUCCESS)
}

fn validate(
    operation: &str,
    file: Option<&str>,
    format: Format,
    model: &ModelArgs,
) -> Result<ExitCode, Usage> {
    if let Some(validator) = model.validator()? {
        return validate_by_model(&validator, operation, file, format);
    }
    let Some(check) = visit_operation(operation, Check) else {
        return Err(Usage(format!(
            "unknown operation `{operation}`; expected one of: {}",
            aws_constraints_models::OPERATIONS.join(", ")
        )));
    };
    let document = read_document(file)?;
    let source = file.filter(|f| *f != "-").unwrap_or("<stdin>");
    match check(&document) {
        Ok(()) => print("valid\n").map(|()| ExitCode::SUCCESS),
        Err(InputError::Invalid(errors)) => {
            print(&(render(&errors, format, true) + "\n")).map(|()| ExitCode::from(1))
        }
        Err(InputError::Malformed(e)) => Err(Usage(format!(
            "{source}: not a valid {operation} input document: {e}"
        ))),
    }
}

fn validate_by_model(
    validator: &Validator,
    operation: &str,
    file: Option<&str>,
    format: Format,
) -> Result<ExitCode, Usage> {
    // An unknown operation is said before the document is read.
    validator
        .operation(operation)
        .map_err(|e| Usage(e.to_string()))?;
    let document = read_document(file)?;
    let source = file.filter(|f| *f != "-").unwrap_or("<stdin>");
    match validator.validate_json(operation, document.as_bytes()) {
        Ok(()) => print("valid\n").map(|()| ExitCode::SUCCESS),
        Err(DocumentError::Invalid(errors)) => {
            print(&(render(&errors, format, validator.profile().echoes_values) + "\n"))
                .map(|()| ExitCode::from(1))
        }
        Err(error @ DocumentError::Malformed { .. }) => Err(Usage(format!(
            "{source}: not a valid {operation} input document: {error}"
        ))),
        Err(error) => Err(Usage(error.to_string())),
    }
}

fn samples(operation: &str, model: &ModelArgs) -> Result<ExitCode, Usage> {
    let Some(validator) = model.validator()? else {
        return Err(Usage("which model? give --model MODEL".into()));
    };
    validator
        .operation(operation)
        .map_err(|e| Usage(e.to_string()))?;
    let mut out = String::new();
    // An operation without input has nothing to generate.
    for sample in samples::documents(validator.schema(), operation).unwrap_or_default() {
        let line = serde_json::json!({"breaks": sample.breaks, "document": sample.document});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    print(&out).map(|()| ExitCode::SUCCESS)
}

/// Picks the check of one operation's input documents.
struct Check;

impl OperationVisitor for Check {
    type Output = fn(&str) -> Result<(), InputError>;
    fn visit<O: Operation>(self) -> Self::Output {
        |document| Validated::<O::Input>::from_json(document).map(drop)
    }
}

/// The violations in `format`; `echoes_values` says whether the service's messages echo
/// the values (IAM's do not: its profile).
fn render(errors: &ValidationErrors, format: Format, echoes_values: bool) -> String {
    match format {
        Format::Aws if !echoes_values => errors.aws_message_without_values(),
        Format::Aws => errors.aws_message(),
        Format::Smithy => errors.smithy_body().to_string(),
        Format::Json => errors.to_json().to_string(),
    }
}

fn serve(
    addr: SocketAddr,
    connect_instances: Vec<String>,
    model: &ModelArgs,
) -> Result<ExitCode, Usage> {
    let service = match model.validator()? {
        Some(validator) => Some(
            aws_constraints_server::Service::with_validator(validator)
                .map_err(|e| Usage(format!("cannot serve the model: {e}")))?,
        ),
        None => None,
    };
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Usage(format!("cannot start the server runtime: {e}")))?;
    let served = match service {
        Some(service) => runtime.block_on(aws_constraints_cli::model_server::serve(addr, service)),
        None => runtime.block_on(emulator::serve(addr, connect_instances)),
    };
    served.map_err(|e| Usage(format!("cannot serve on {addr}: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

fn proxy(
    upstream: http::Uri,
    listen: SocketAddr,
    models: Option<std::path::PathBuf>,
    dry_run: bool,
) -> Result<ExitCode, Usage> {
    if upstream.scheme_str() != Some("http") || upstream.host().is_none() {
        return Err(Usage(format!(
            "--upstream {upstream}: an http:// URL with a host (the emulator's)"
        )));
    }
    let models = match models {
        Some(models) => models,
        None => model_files::botocore_data().map_err(Usage)?,
    };
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Usage(format!("cannot start the proxy's runtime: {e}")))?;
    let options = aws_constraints_cli::proxy::Options {
        listen,
        upstream,
        models,
        dry_run,
    };
    let summary = runtime
        .block_on(aws_constraints_cli::proxy::run(options))
        .map_err(|e| Usage(format!("cannot proxy on {listen}: {e}")))?;
    for line in aws_constraints_cli::proxy::summary_lines(&summary) {
        eprintln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

fn match_pattern(source: &str, backtracking: bool) -> Result<ExitCode, Usage> {
    let pattern = if backtracking {
        Pattern::with_backtracking(source)
    } else {
        Pattern::new(source)
    };
    let pattern = pattern.map_err(|e| Usage(format!("unsupported pattern: {e}")))?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line = line.map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
        let value: String = serde_json::from_str(&line)
            .map_err(|e| Usage(format!("line {}: expected a JSON string: {e}", n + 1)))?;
        writeln!(out, "{}", pattern.is_match(&value))
            .map_err(|e| Usage(format!("cannot write output: {e}")))?;
    }
    out.flush()
        .map_err(|e| Usage(format!("cannot write output: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
