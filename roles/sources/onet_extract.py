#!/usr/bin/env python3
"""Print the O*NET figures behind the role source notes in roles/sources/.

Standard library only. It reads a folder holding files of the O*NET database
(the Excel download, *.xlsx, or the text download, *.txt; either works) and
prints, per occupation, the tables the notes quote. It never writes anything.

    python3 roles/sources/onet_extract.py DIR                  # counts, titles, all examples
    python3 roles/sources/onet_extract.py DIR --skills         # examples per proposed skill
    python3 roles/sources/onet_extract.py DIR --tasks          # task statements
    python3 roles/sources/onet_extract.py DIR --related        # related occupations
    python3 roles/sources/onet_extract.py DIR --titles WORD ... # which occupations
                                                               # list a title containing WORD

DIR must contain "Read Me.txt", "Occupation Data", "Technology Skills" and
"Alternate Titles" (.xlsx or .txt), "Task Statements" for --tasks and
"Related Occupations" for --related. The O*NET files are not part of skillgap;
roles/sources/README.md says which copy was used and how to check it.

Data: O*NET 29.3 Database by the U.S. Department of Labor, Employment and
Training Administration (USDOL/ETA), used under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/). See NOTICE.
"""

import argparse
import collections
import os
import re
import signal
import sys
import zipfile
import xml.etree.ElementTree as ET

# The occupations the notes draw on (codes as in O*NET-SOC 2019).
OCCUPATIONS = [
    "15-1211.00",  # Computer Systems Analysts
    "15-1212.00",  # Information Security Analysts
    "15-1231.00",  # Computer Network Support Specialists
    "15-1232.00",  # Computer User Support Specialists
    "15-1241.00",  # Computer Network Architects
    "15-1241.01",  # Telecommunications Engineering Specialists
    "15-1244.00",  # Network and Computer Systems Administrators
    "15-1252.00",  # Software Developers
    "15-1253.00",  # Software Quality Assurance Analysts and Testers
    "15-1299.04",  # Penetration Testers
    "15-1299.05",  # Information Security Engineers
    "15-1299.08",  # Computer Systems Engineers/Architects
    "15-1299.09",  # Information Technology Project Managers
    "17-2112.02",  # Validation Engineers (holds the "Site Reliability Engineer" titles)
]

# How --skills sorts O*NET technology examples under the proposed catalogue skills
# (roles/sources/README.md). This is skillgap's curation, not O*NET's: a regular
# expression over the Example column, first match wins, in this order. Examples that
# match nothing are listed as "other" when O*NET flags them Hot or In Demand.
SKILL_PATTERNS = [
    ("terraform", r"Terraform|CloudFormation"),
    ("ci-cd", r"Jenkins|GitLab|GitHub|Bitbucket|^Git$|Subversion|Version control|Revision control|"
              r"Continuous integration|Bamboo|Team ?City|CruiseControl|Azure DevOps|Team Foundation|"
              r"Artifactory|Maven|Gradle|Apache Ant|Build Forge|AnthillPro|ElectricCommander|"
              r"FinalBuilder|QuickBuild|Automated Build|LuntBuild|Continuum|Gump|OpenMake|Perforce|"
              r"ClearCase|SourceSafe|SonarQube|^Deployment software"),
    ("docker-kubernetes", r"Docker|Kubernetes|OpenShift"),
    ("security-operations", r"SIEM|Azure Sentinel|ArcSight|LogRhythm|Enterprise Security Manager|"
                            r"Security incident management|audit trail|MITRE ATT&CK|[Ff]orensic|FTK|"
                            r"Tanium|Splunk"),
    ("cloud-platforms", r"Amazon|AWS|Microsoft Azure software|Google Cloud|Oracle Cloud|"
                        r"Platform as a service"),
    ("windows-administration", r"Windows Server|Active [Dd]irectory|Sysprep|Windows Terminal|"
                               r"Internet Information Services|Microsoft Exchange|Forefront"),
    ("identity-access", r"Single sign-on|Security assertion markup|Ping Identity|Identity|"
                        r"Access [Mm]anagement|Access Control Facility|Password management|RADIUS|"
                        r"PowerBroker|[Dd]irectory|iLock|Smart card"),
    ("compliance", r"[Rr]isk assessment|auditing software"),
    ("security", r"Keystroke|Firewall|[Ii]ntrusion|IDS$|IPS$|Snort|[Vv]ulnerability|Nessus|Qualys|"
                 r"Rapid7|[Ee]ncryption|[Cc]ryptographic|McAfee|Norton|[Aa]ntivirus|Anti-|[Vv]irus|"
                 r"Root kit|Honeypot|Packet filter|IpTables|IpFilter|Check Point|Palo Alto|"
                 r"NetScreen|Imperva|Fortify|WebInspect|TippingPoint|Endpoint Protection|"
                 r"Data Loss Prevention|[Cc]ontent filter|internet filtering|Security Es+entials|"
                 r"RealSecure|IPSEC|Metasploit|Nmap|BurP|Kali|[Pp]enetration testing|Password cracker|"
                 r"Security testing|Integrity verification|checksumming|Stack smashing|"
                 r"Binary Ninja|IDA Pro|Ghidra|eTrust"),
    ("routing-switching", r"Cisco IOS|Border Gateway|OSPF|EIGRP|IS-IS|Multiprotocol Label|"
                          r"Hot Standby Router|Gateway Load Balancing|Virtual Router Redundancy|"
                          r"TRILL|WCCP|CiscoWorks|Wireless Control System|AirWave|Switch or router"),
    ("network-architecture", r"Domain name|BIND|DHCP|Dynamic host|Virtual private|LAN software|"
                             r"Local area network|Wide area network|WAN optimization|Silver Peak|"
                             r"Network address management|Network documentation|"
                             r"Network architecture design|Infoblox|Riverbed|Voice over internet|"
                             r"Session Initiation|Network modeling|Network bridge|Optical network|"
                             r"Virtual local area"),
    ("reliability-focus", r"Capacity planning|[Ll]oad testing|[Ss]tress testing|[Rr]ecovery testing|"
                          r"[Ff]ault testing|LoadRunner|SilkPerformer|load and performance testing"),
    ("monitoring", r"Prometheus|Grafana|Dynatrace|Nagios|Zabbix|SolarWinds|SNMP|"
                   r"Simple network management|Network Node Manager|OpenView|WhatsUp|NetScout|OPNET|"
                   r"EMC Smarts|NetIQ|Netreo|VitalSuite|Element management|traffic grapher|Foglight|"
                   r"InterMapper|NetView|NetCool|NerveCenter|BigBrother|Everest|IBM Director|"
                   r"Insight Manager|NetFlow|Traffic Analyzer|[Mm]onitoring|performance analysis|"
                   r"Network reporting|Capsa|AirMagnet|Network management software|availability"),
    ("troubleshooting", r"Wireshark|Ethereal|Tcpdump|Sniffer|[Pp]acket tracing|[Pp]acket analysis|"
                        r"[Tt]raffic probe|mtr$|Arping|Port Scanner|ifconfig|ipconfig|diagnostics|"
                        r"[Dd]iagnostic Monitor|Root cause|kernel debuggers|Remote control|"
                        r"Remote desktop|pcAnywhere|ReachOut|NetOp"),
    ("incident-management", r"ServiceNow|Remedy|Help desk software|Ticket|Atlassian JIRA"),
    ("virtualization", r"VMware|VMWare|ESX|XenApp|Hyper-V|Logical partition|Citrix cloud"),
    ("linux", r"Linux|Ubuntu|^UNIX$|Solaris|HP-UX|AIX"),
    ("python-bash", r"^Python$|^Bash$|Shell script|UNIX Shell|KornShell|^Perl$|PowerShell|^AWK$|"
                    r"Command interpreters|Operating system shells|VBScript"),
    ("systems-administration", r"Chef|Puppet|Ansible|[Pp]atch|Configuration management software|"
                               r"Automated installation|[Bb]ackup|NetBackup|[Dd]isaster recovery|"
                               r"Volume Shadow|LiveState|Amanda|Ghost|Software distribution|File server|"
                               r"Application management software|Tivoli software|PuTTY|Secure shell|"
                               r"NAS software|Storage area network|[Ss]torage management|"
                               r"Network storage|Simple Storage|Migration software|"
                               r"Systems and applications migration|Job control|Control-M|Power Systems"),
    ("databases", r"SQL|MySQL|PostgreSQL|Oracle Database|DB2|MongoDB|Cassandra|DynamoDB|Redis|"
                  r"Elasticsearch|NoSQL|Teradata|Relational database|Database"),
    ("programming", r"^Go$|^C$|C\+\+|C#|Oracle Java|Java 2|Java Enterprise|Kotlin|Scala|Rust|"
                    r"TypeScript|^JavaScript$|Node\.js|Spring|^Ruby$|RESTful|Microservices|JUnit|"
                    r"Unit testing|\.NET Framework|Software libraries|Software development tools|"
                    r"Static analysis|Eclipse IDE|Visual Studio|IntelliJ|GraphQL"),
]

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def read_xlsx(path):
    """Rows of the first worksheet as lists of strings (first row = header)."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            kind = c.get("t")
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
            else:
                v = c.find("m:v", NS)
                value = "" if v is None else (v.text or "")
                if kind == "s":
                    value = shared[int(value)]
            cells[_col_index(c.get("r"))] = value
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i, "") for i in range(width)])
    return rows


def read_txt(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\r\n").split("\t") for line in f if line.strip()]


def read_table(folder, name):
    """The named O*NET file as a list of dicts keyed by its header."""
    for ext, reader in ((".xlsx", read_xlsx), (".txt", read_txt)):
        path = os.path.join(folder, name + ext)
        if os.path.exists(path):
            rows = reader(path)
            header = rows[0]
            return [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in rows[1:]]
    sys.exit("onet_extract: no %r (.xlsx or .txt) in %s" % (name, folder))


def release(folder):
    path = os.path.join(folder, "Read Me.txt")
    if not os.path.exists(path):
        return "unknown release (no Read Me.txt)"
    with open(path, encoding="utf-8") as f:
        return " / ".join(line.strip() for line in f.readlines()[:2])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", help="folder holding the O*NET files")
    ap.add_argument("--skills", action="store_true",
                    help="sort each occupation's examples under the proposed skills")
    ap.add_argument("--tasks", action="store_true", help="print task statements")
    ap.add_argument("--related", action="store_true",
                    help="print each occupation's related occupations (all of them, tier and rank)")
    ap.add_argument("--titles", nargs="+", metavar="WORD",
                    help="list occupations with an alternate title containing WORD")
    args = ap.parse_args()

    print("# " + release(args.folder))
    occ = {r["O*NET-SOC Code"]: r["Title"] for r in read_table(args.folder, "Occupation Data")}
    alt = collections.defaultdict(list)
    for r in read_table(args.folder, "Alternate Titles"):
        alt[r["O*NET-SOC Code"]].append(r["Alternate Title"])

    if args.titles:
        for word in args.titles:
            print("\n## alternate titles containing %r" % word)
            w = word.lower()
            for code in sorted(alt):
                hits = sorted(t for t in alt[code] if w in t.lower())
                if hits:
                    print("%s %s: %s" % (code, occ.get(code, "?"), "; ".join(hits)))
        return

    if args.tasks:
        tasks = collections.defaultdict(list)
        for r in read_table(args.folder, "Task Statements"):
            tasks[r["O*NET-SOC Code"]].append(r)
        for code in OCCUPATIONS:
            print("\n## %s %s" % (code, occ.get(code, "?")))
            for r in tasks[code]:
                print("  [%s] %s" % (r.get("Task Type") or "-", r["Task"]))
        return

    if args.related:
        related = collections.defaultdict(list)
        for r in read_table(args.folder, "Related Occupations"):
            related[r["O*NET-SOC Code"]].append(r)
        for code in OCCUPATIONS:
            print("\n## %s %s" % (code, occ.get(code, "?")))
            for r in related[code]:
                mark = "*" if r["Related O*NET-SOC Code"] in OCCUPATIONS else " "
                print("  %s %2s %-15s %s %s" % (mark, r["Index"], r["Relatedness Tier"],
                                               r["Related O*NET-SOC Code"], r["Related Title"]))
        return

    tech = collections.defaultdict(list)
    for r in read_table(args.folder, "Technology Skills"):
        tech[r["O*NET-SOC Code"]].append(r)

    if args.skills:
        patterns = [(sid, re.compile(rx)) for sid, rx in SKILL_PATTERNS]
        for code in OCCUPATIONS:
            print("\n## %s %s" % (code, occ.get(code, "?")))
            by_skill = collections.defaultdict(list)
            for r in tech.get(code, []):
                sid = next((s for s, rx in patterns if rx.search(r["Example"])), "other")
                by_skill[sid].append(r)
            print("  %-24s %5s %4s %4s  examples ([H] hot, [D] in demand)" % ("skill", "n", "hot", "dem"))
            for sid in [s for s, _ in SKILL_PATTERNS] + ["other"]:
                rows = by_skill.get(sid, [])
                if sid == "other":
                    rows = [r for r in rows if "Y" in (r["Hot Technology"], r.get("In Demand"))]
                if not rows:
                    continue
                hot = sum(r["Hot Technology"] == "Y" for r in rows)
                dem = sum(r.get("In Demand") == "Y" for r in rows)
                names = sorted(r["Example"] + ("[%s]" % (("H" if r["Hot Technology"] == "Y" else "") +
                                                       ("D" if r.get("In Demand") == "Y" else ""))
                                              if "Y" in (r["Hot Technology"], r.get("In Demand")) else "")
                               for r in rows)
                print("  %-24s %5d %4d %4d  %s" % (sid, len(rows), hot, dem, "; ".join(names)))
        return

    for code in OCCUPATIONS:
        rows = tech.get(code, [])
        hot = sum(r["Hot Technology"] == "Y" for r in rows)
        dem = sum(r.get("In Demand", "") == "Y" for r in rows)
        print("\n## %s %s" % (code, occ.get(code, "(not in Occupation Data)")))
        print("technology examples: %d, hot: %d, in demand: %d" % (len(rows), hot, dem))
        print("alternate titles (%d): %s" % (len(alt[code]), "; ".join(sorted(alt[code]))))
        groups = collections.defaultdict(list)
        for r in rows:
            flag = ("H" if r["Hot Technology"] == "Y" else "") + \
                   ("D" if r.get("In Demand", "") == "Y" else "")
            groups[r["Commodity Title"]].append(r["Example"] + ("[%s]" % flag if flag else ""))
        for title in sorted(groups):
            print("  %s: %s" % (title, "; ".join(sorted(groups[title]))))


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main()
