use clap::Parser;

fn main() {
    let cli = docketeer::cli::Cli::parse();
    let code = match docketeer::app::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("docketeer: error: {err:#}");
            2
        }
    };
    std::process::exit(code);
}
