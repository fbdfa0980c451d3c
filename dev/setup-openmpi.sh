#!/usr/bin/env bash
# Sets up Open MPI and its Java bindings for Stagger's distributed backend.
#
#   dev/setup-openmpi.sh                 install what is missing, then print a summary line
#   dev/setup-openmpi.sh --print-version same, but print only the Open MPI version on stdout
#                                        (for: mvn -Dopenmpi.version=$(dev/setup-openmpi.sh --print-version))
#   dev/setup-openmpi.sh --print-libdir  same, but print only the directory holding libmpi_java.so
#                                        (for: java -Djava.library.path=...)
#
# What it does:
#  * Debian/Ubuntu: installs openmpi-bin and libopenmpi-dev with apt when mpirun or the
#    headers (mpi.h) are missing.  Debian ships libmpi_java.so but no mpi.jar, so the jar is
#    built from the Java sources of the matching source package (fetched with
#    `apt-get source --download-only` against a private, temporary deb-src index; the
#    system's apt configuration is not changed) and installed into the local Maven
#    repository as org.open-mpi:mpi:<version>.
#  * Elsewhere (Fedora openmpi-java, Spack openmpi+java, EasyBuild, builds with
#    --enable-mpi-java): installs the mpi.jar found next to Open MPI's libraries;
#    without one it prints what to install and exits non-zero.
#  * When everything is present it changes nothing (about a quarter of a second).
#
# Environment: MAVEN_REPO_LOCAL overrides the local Maven repository (default: the
# <localRepository> of ~/.m2/settings.xml, else ~/.m2/repository).  MPI_JAR=/path/mpi.jar
# installs that jar instead of looking for or building one.
set -euo pipefail

MODE=summary
case "${1:-}" in
  "") ;;
  --print-version) MODE=version ;;
  --print-libdir) MODE=libdir ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "setup-openmpi: unknown argument '$1' (use --print-version, --print-libdir or --help)" >&2; exit 64 ;;
esac
[ $# -le 1 ] || { echo "setup-openmpi: at most one argument" >&2; exit 64; }

# In the --print-* modes stdout carries only the answer; everything else goes to stderr.
if [ "$MODE" != summary ]; then exec 3>&1 1>&2; else exec 3>&1; fi

log() { echo "setup-openmpi: $*"; }
die() { echo "setup-openmpi: ERROR: $*" >&2; exit "${DIE_CODE:-1}"; }

# One run at a time (two concurrent runs would race on apt and on the Maven repository).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/stagger-setup-openmpi.$(id -u).lock"
  flock 9
fi

is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else die "need root for: $*  (run it as root, or this script with sudo)"
  fi
}

# ---------------------------------------------------------------- 1. Open MPI itself
mpirun_path() { command -v mpirun 2>/dev/null || true; }

# Directories the MPI compiler wrapper searches for headers, plus the usual places.
have_mpi_headers() {
  local d
  if command -v mpicc >/dev/null 2>&1; then
    for d in $(mpicc --showme:incdirs 2>/dev/null); do [ -f "$d/mpi.h" ] && return 0; done
  fi
  for d in /usr/include /usr/include/*/openmpi /usr/lib/*/openmpi/include /usr/lib64/openmpi/include \
           /usr/include/openmpi-*; do
    [ -f "$d/mpi.h" ] && return 0
  done
  return 1
}

if is_debian; then
  missing=()
  mr=$(mpirun_path)
  [ -n "$mr" ] || missing+=(openmpi-bin)
  # Debian's mpirun needs libopenmpi-dev beside it too: headers and the libmpi_java.so link.
  # (An Open MPI of one's own on PATH, e.g. from Spack, is left alone.)
  if ! have_mpi_headers || { [ -n "$mr" ] && dpkg-query -S "$(readlink -f "$mr")" >/dev/null 2>&1 &&
       [ "$(dpkg-query -W -f='${db:Status-Status}' libopenmpi-dev 2>/dev/null || true)" != installed ]; }; then
    missing+=(libopenmpi-dev)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing with apt: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_install() {
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
    }
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
      log "package lists do not know ${missing[*]}: running apt-get update"
      as_root apt-get update -q
    fi
    if ! apt_install; then
      log "apt-get install failed; refreshing package lists and retrying once"
      as_root apt-get update -q
      apt_install
    fi
  fi
fi

MPIRUN=$(mpirun_path)
if [ -z "$MPIRUN" ]; then
  DIE_CODE=2 die "mpirun not found. Install Open MPI with its Java bindings, for example:
    Debian/Ubuntu:  apt-get install --no-install-recommends openmpi-bin libopenmpi-dev   (then re-run this script)
    Fedora/RHEL:    dnf install openmpi openmpi-devel openmpi-java && module load mpi/openmpi-\$(uname -m)
    Spack:          spack install openmpi+java && spack load openmpi
    EasyBuild/source: build Open MPI with ./configure --enable-mpi-java, put its bin/ on PATH"
fi

# "mpirun (Open MPI) 4.1.4" (Open MPI 5: "mpirun (Open MPI) 5.0.x")
VERSION=$("$MPIRUN" --version 2>/dev/null | sed -n 's/.*(Open MPI) \([0-9][0-9A-Za-z.+~-]*\).*/\1/p' | head -n1)
[ -n "$VERSION" ] || die "$MPIRUN is not Open MPI ($("$MPIRUN" --version 2>&1 | head -n1)); Stagger needs Open MPI's Java bindings"

if ! have_mpi_headers; then
  DIE_CODE=2 die "Open MPI $VERSION headers (mpi.h) not found. Install the development package:
    Debian/Ubuntu: apt-get install libopenmpi-dev    Fedora/RHEL: dnf install openmpi-devel"
fi

# Open MPI's library directory (where libmpi_java.so and, on non-Debian builds, mpi.jar live).
OMPI_LIBDIR=""
if command -v ompi_info >/dev/null 2>&1; then
  OMPI_LIBDIR=$(ompi_info --path libdir 2>/dev/null | sed -n 's/^[[:space:]]*Libdir:[[:space:]]*//p' | head -n1)
fi
MPI_PREFIX=$(dirname "$(dirname "$(readlink -f "$MPIRUN")")")

# Candidate directories, most specific first.
cand_dirs=()
[ -n "$OMPI_LIBDIR" ] && cand_dirs+=("$OMPI_LIBDIR")
for v in MPI_HOME MPI_ROOT OPAL_PREFIX EBROOTOPENMPI OPENMPI_ROOT; do
  [ -n "${!v:-}" ] && cand_dirs+=("${!v}/lib" "${!v}/lib64")
done
cand_dirs+=("$MPI_PREFIX/lib" "$MPI_PREFIX/lib64")
if command -v spack >/dev/null 2>&1; then
  sp=$(spack location -i openmpi 2>/dev/null | head -n1 || true)
  [ -n "$sp" ] && cand_dirs+=("$sp/lib" "$sp/lib64")
fi
cand_dirs+=(/usr/lib64/openmpi/lib /usr/lib/openmpi/lib /usr/lib/*/openmpi/lib /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/lib)

JAVA_LIBDIR=""
for d in "${cand_dirs[@]}"; do
  if [ -e "$d/libmpi_java.so" ]; then JAVA_LIBDIR=$(cd "$d" && pwd -P); break; fi
done
if [ -z "$JAVA_LIBDIR" ]; then
  DIE_CODE=2 die "Open MPI $VERSION at $MPI_PREFIX has no Java bindings (libmpi_java.so not found in: ${cand_dirs[*]}).
    Debian/Ubuntu: apt-get install libopenmpi-dev    Fedora/RHEL: dnf install openmpi-java
    Spack: spack install openmpi+java    source/EasyBuild: configure Open MPI with --enable-mpi-java"
fi

# ---------------------------------------------------------------- 2. mpi.jar in the local Maven repository
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  M2_REPO=$MAVEN_REPO_LOCAL
else
  M2_REPO=""
  if [ -f "$HOME/.m2/settings.xml" ]; then
    M2_REPO=$(sed -n 's:.*<localRepository>[[:space:]]*\([^<]*[^<[:space:]]\)[[:space:]]*</localRepository>.*:\1:p' "$HOME/.m2/settings.xml" | head -n1)
    M2_REPO=${M2_REPO/#\~/$HOME}; M2_REPO=${M2_REPO//\$\{user.home\}/$HOME}
  fi
  M2_REPO=${M2_REPO:-$HOME/.m2/repository}
fi
M2_JAR="$M2_REPO/org/open-mpi/mpi/$VERSION/mpi-$VERSION.jar"

jar_ok() { [ -s "$1" ] && grep -aq 'mpi/MPI.class' "$1" && grep -aq 'mpi/CartComm.class' "$1"; }

WORK=""
cleanup() { if [ -n "$WORK" ]; then rm -rf -- "$WORK"; fi; }
trap cleanup EXIT

# Sets SRC_JAR to an mpi.jar found next to Open MPI's libraries, if any.
SRC_JAR=""
find_existing_jar() {
  local d
  if [ -n "${MPI_JAR:-}" ]; then
    jar_ok "$MPI_JAR" || die "MPI_JAR=$MPI_JAR is not an Open MPI mpi.jar"
    SRC_JAR=$MPI_JAR; return 0
  fi
  for d in "$JAVA_LIBDIR" "${cand_dirs[@]}" /usr/share/java /usr/lib/java; do
    if jar_ok "$d/mpi.jar"; then SRC_JAR="$d/mpi.jar"; return 0; fi
  done
  return 1
}

need_tool() { command -v "$1" >/dev/null 2>&1 || DIE_CODE=2 die "$1 not found on PATH; $2"; }

# Builds mpi.jar from the Java sources of the Debian source package matching the installed
# libopenmpi; sets SRC_JAR (the sources jar lies beside it as mpi-sources.jar).
build_jar_from_debian_source() {
  need_tool javac "install a JDK 17+ (apt-get install openjdk-17-jdk-headless)"
  need_tool jar "install a JDK 17+ (apt-get install openjdk-17-jdk-headless)"
  local jv
  jv=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  [ -n "$jv" ] && [ "$jv" -ge 17 ] || die "javac $(javac -version 2>&1) found; need JDK 17 or newer"

  local binpkg srcpkg srcver upstream
  binpkg=$(dpkg-query -S "$JAVA_LIBDIR/libmpi_java.so" 2>/dev/null | head -n1 | cut -d: -f1 | cut -d, -f1 || true)
  if [ -z "$binpkg" ]; then
    DIE_CODE=2 die "Open MPI $VERSION at $MPI_PREFIX ($JAVA_LIBDIR/libmpi_java.so) is not from a Debian package and has no mpi.jar.
    Rebuild it with --enable-mpi-java (installs <prefix>/lib/mpi.jar), set MPI_JAR=/path/to/its/mpi.jar,
    or put Debian's /usr/bin first on PATH (apt-get install openmpi-bin libopenmpi-dev)"
  fi
  srcpkg=$(dpkg-query -W -f='${source:Package}' "$binpkg" 2>/dev/null || true)
  srcver=$(dpkg-query -W -f='${source:Version}' "$binpkg" 2>/dev/null || true)
  [ -n "$srcpkg" ] && [ -n "$srcver" ] || die "cannot tell which source package built $binpkg"
  upstream=${srcver#*:}; upstream=${upstream%-*}
  [ "$upstream" = "$VERSION" ] || die "mpirun reports Open MPI $VERSION but $binpkg comes from $srcpkg $srcver; fix PATH or the installation first"

  local apt_dir="$WORK/apt"
  mkdir -p "$apt_dir/sources.list.d" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$WORK/dl"
  # A private deb-src index made from the system's own deb entries (same mirrors, suites,
  # components, keyrings); the system's apt configuration and package lists stay untouched.
  local f n=0
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    sed -n 's/^[[:space:]]*deb\([[:space:]]\)/deb-src\1/p' "$f" > "$apt_dir/sources.list.d/src$n.list"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    # deb822: every stanza whose Types include deb becomes a deb-src stanza.
    awk 'BEGIN{RS=""; ORS="\n\n"}
         { if ($0 !~ /(^|\n)[Ee]nabled:[[:space:]]*no/ && match($0, /(^|\n)Types:[^\n]*/)) {
             t = substr($0, RSTART, RLENGTH)
             if (t ~ /[[:space:]]deb([[:space:]]|$)/) {
               out = $0; sub(/(^|\n)Types:[^\n]*/, "\nTypes: deb-src", out); sub(/^\n/, "", out); print out } } }' \
      "$f" > "$apt_dir/sources.list.d/src$n.sources"
  done
  local -a APT_OPTS=(-q -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "Debug::NoLocking=true"
    -o "APT::Sandbox::User=$(id -un)")
  log "fetching the source of $srcpkg $srcver (private deb-src index under $WORK)"
  apt-get "${APT_OPTS[@]}" update >"$WORK/apt-update.log" 2>&1 || { cat "$WORK/apt-update.log" >&2; die "apt-get update for deb-src failed"; }
  if ! (cd "$WORK/dl" && apt-get "${APT_OPTS[@]}" source --download-only "$srcpkg=$srcver") >"$WORK/apt-source.log" 2>&1; then
    # The exact revision may have left the mirror; any revision of the same upstream version will do.
    log "$srcpkg=$srcver not downloadable, trying the candidate source version"
    (cd "$WORK/dl" && apt-get "${APT_OPTS[@]}" source --download-only "$srcpkg") >>"$WORK/apt-source.log" 2>&1 \
      || { cat "$WORK/apt-source.log" >&2; die "apt-get source $srcpkg failed"; }
  fi
  local orig
  orig=$(ls "$WORK"/dl/"${srcpkg}"_*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -n1 || true)
  [ -n "$orig" ] || die "no upstream tarball downloaded (see $WORK/apt-source.log)"
  case "$(basename "$orig")" in
    "${srcpkg}_${VERSION}.orig.tar."*) ;;
    *) die "downloaded $(basename "$orig") does not match Open MPI $VERSION" ;;
  esac

  # Extract only the Java bindings' sources, then apply any Debian patch touching them.
  mkdir -p "$WORK/src"
  tar -xf "$orig" -C "$WORK/src" --strip-components=1 --wildcards '*/ompi/mpi/java/java/*'
  local deb
  deb=$(ls "$WORK"/dl/"${srcpkg}"_*.debian.tar.* 2>/dev/null | head -n1 || true)
  if [ -n "$deb" ]; then
    tar -xf "$deb" -C "$WORK/src" debian/patches 2>/dev/null || true
    if [ -f "$WORK/src/debian/patches/series" ]; then
      local p
      while read -r p _; do
        case "$p" in ''|'#'*) continue ;; esac
        if grep -q '^+++ .*ompi/mpi/java/java/' "$WORK/src/debian/patches/$p" 2>/dev/null; then
          need_tool patch "needed to apply debian/patches/$p"
          log "applying debian/patches/$p"
          (cd "$WORK/src" && patch -s -p1 --no-backup-if-mismatch) < "$WORK/src/debian/patches/$p" \
            || die "debian/patches/$p does not apply"
        fi
      done < "$WORK/src/debian/patches/series"
    fi
  fi

  local jdir="$WORK/src/ompi/mpi/java/java"
  [ -f "$jdir/MPI.java" ] || die "no ompi/mpi/java/java/MPI.java in $(basename "$orig")"
  # Sources generated by configure from templates: substitute the version variables; a
  # template with other placeholders is an error rather than a silently broken jar.
  local t base major minor release
  major=${VERSION%%.*}; minor=${VERSION#*.}; minor=${minor%%.*}; release=${VERSION#*.*.}; release=${release%%[!0-9]*}
  for t in "$jdir"/*.java.in; do
    [ -f "$t" ] || continue
    base=${t%.in}
    [ -f "$base" ] && continue
    sed -e "s/@OMPI_MAJOR_VERSION@/$major/g" -e "s/@OMPI_MINOR_VERSION@/$minor/g" \
        -e "s/@OMPI_RELEASE_VERSION@/${release:-0}/g" -e "s/@OMPI_VERSION@/$VERSION/g" \
        -e "s/@PACKAGE_VERSION@/$VERSION/g" "$t" > "$base"
    if grep -q '@[A-Z_][A-Z_]*@' "$base"; then
      die "$(basename "$t") has unsubstituted placeholders: $(grep -o '@[A-Z_][A-Z_]*@' "$base" | sort -u | tr '\n' ' ')"
    fi
    log "generated $(basename "$base") from its template"
  done

  mkdir -p "$WORK/classes"
  javac --release 17 -encoding UTF-8 -nowarn -Xlint:none -d "$WORK/classes" "$jdir"/*.java 2>"$WORK/javac.log" \
    || { cat "$WORK/javac.log" >&2; die "javac failed on Open MPI's Java sources"; }
  printf 'Implementation-Title: Open MPI Java bindings\nImplementation-Version: %s\nImplementation-Vendor: Open MPI (built from Debian %s %s)\n' \
    "$VERSION" "$srcpkg" "$srcver" > "$WORK/manifest.txt"
  jar --create --file "$WORK/mpi.jar" --manifest "$WORK/manifest.txt" -C "$WORK/classes" .
  mkdir -p "$WORK/srcjar/mpi" && cp "$jdir"/*.java "$WORK/srcjar/mpi/"
  jar --create --file "$WORK/mpi-sources.jar" -C "$WORK/srcjar" .
  jar_ok "$WORK/mpi.jar" || die "built mpi.jar lacks mpi/MPI.class"
  log "built mpi.jar from $(ls "$jdir"/*.java | wc -l) sources of $srcpkg $srcver"
  SRC_JAR="$WORK/mpi.jar"
}

if ! jar_ok "$M2_JAR"; then
  need_tool mvn "install Maven 3.8+ to install mpi.jar into $M2_REPO"
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/setup-openmpi.XXXXXX")
  chmod 755 "$WORK"
  sources_arg=()
  if find_existing_jar; then
    log "using existing $SRC_JAR"
  elif is_debian; then
    build_jar_from_debian_source
    sources_arg=("-Dsources=$WORK/mpi-sources.jar")
  else
    DIE_CODE=2 die "Open MPI $VERSION has libmpi_java.so in $JAVA_LIBDIR but no mpi.jar was found (looked in $JAVA_LIBDIR ${cand_dirs[*]}).
    Fedora/RHEL: dnf install openmpi-java    Spack: spack install openmpi+java
    source/EasyBuild: configure Open MPI with --enable-mpi-java (installs <prefix>/lib/mpi.jar)
    or point MPI_JAR=/path/to/mpi.jar at the jar of this very Open MPI version and re-run"
  fi
  log "installing $SRC_JAR as org.open-mpi:mpi:$VERSION into $M2_REPO"
  (cd "$WORK" && mvn -B -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" \
     org.apache.maven.plugins:maven-install-plugin:3.1.1:install-file \
     -Dfile="$SRC_JAR" "${sources_arg[@]}" -DgroupId=org.open-mpi -DartifactId=mpi \
     -Dversion="$VERSION" -Dpackaging=jar -DgeneratePom=true) >"$WORK/mvn.log" 2>&1 \
    || { cat "$WORK/mvn.log" >&2; die "mvn install:install-file failed"; }
  jar_ok "$M2_JAR" || die "mvn reported success but $M2_JAR is missing"
fi

case "$MODE" in
  version) echo "$VERSION" >&3 ;;
  libdir) echo "$JAVA_LIBDIR" >&3 ;;
  *) echo "openmpi $VERSION: mpirun $MPIRUN, mpi.jar org.open-mpi:mpi:$VERSION, libmpi_java $JAVA_LIBDIR" >&3 ;;
esac
