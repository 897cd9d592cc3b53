// Runs only where a JDK 25 or newer is installed beside the default one (as on the project's machines).
def jvms = new File('/usr/lib/jvm')
return jvms.isDirectory() && jvms.listFiles().any { it.name =~ /-(2[5-9]|[3-9][0-9])([-.]|$)/ && new File(it, 'bin/java').exists() }
