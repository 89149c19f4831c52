class Simple {
	public static void main(String[] args) throws Exception {
		while(true) {
			System.out.println("I'm still here!");
			Thread.sleep(10000L);
		}
	}
}
