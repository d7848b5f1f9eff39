package dnnc.web;

import dnnc.db.RecordStore;

import java.nio.file.Files;
import java.nio.file.Path;

/** Serves the test fixture's record store on a port, to look at the pages by hand: ServeFixture PORT [DIR]. */
public final class ServeFixture {
    public static void main(String[] args) throws Exception {
        Path runs = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("dnnc-fixture");
        RecordStore store = RecordStore.open(runs);
        System.out.println(new StoreFixture(store).first);
        WebApp.start(store, "127.0.0.1", Integer.parseInt(args[0]));
        System.out.println("serving " + runs);
        Thread.currentThread().join();
    }
}
